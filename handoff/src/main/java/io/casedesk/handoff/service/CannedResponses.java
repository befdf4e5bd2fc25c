package io.casedesk.handoff.service;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.lifecycle.AgentActions;
import io.casedesk.handoff.model.ActionRefused;
import io.casedesk.handoff.model.ActionRefused.Reason;
import io.casedesk.handoff.model.CannedResponse;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketNotFound;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canned responses: supervisors keep them per language, agents insert them into a reply with the ticket's
 * placeholders filled: {@code {salutation}}, how the customer is addressed in the ticket's language (from the case
 * summary; a neutral greeting when unknown), and {@code {agent}}, the agent's name.
 */
@ApplicationScoped
public class CannedResponses {

    public static final List<String> LANGUAGES = List.of("zh-Hant", "zh-Hans", "en");
    public static final Set<String> PLACEHOLDERS = Set.of("salutation", "agent");
    public static final int MAX_TITLE_LENGTH = 120;

    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]*)}");

    /** What a supervisor writes. */
    public record Draft(String language, String shortcut, String title, String body) {
    }

    /** A canned response as supervisors manage it. */
    public record View(long id, String language, String shortcut, String title, String body, String updatedBy,
                       java.time.Instant updatedAt) {

        static View of(CannedResponse c) {
            return new View(c.id, c.language, c.shortcut, c.title, c.body, c.updatedBy, c.updatedAt);
        }
    }

    /** A canned response ready for a ticket: {@code text} is the body with its placeholders filled. */
    public record Filled(long id, String language, String shortcut, String title, String text) {
    }

    private final HandoffConfig config;
    private final HandoffMetrics metrics;
    private final Clock clock;

    public CannedResponses(HandoffConfig config, HandoffMetrics metrics, Clock clock) {
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Every canned response, or those of {@code language}. */
    @Transactional
    public List<View> list(String language) {
        if (language != null) {
            requireLanguage(language);
        }
        return CannedResponse.ofLanguage(language).stream().map(View::of).toList();
    }

    @Transactional
    public View create(Draft draft, String by) {
        CannedResponse created = new CannedResponse();
        write(created, draft, by);
        created.persist();
        return View.of(created);
    }

    @Transactional
    public View update(long id, Draft draft, String by) {
        CannedResponse existing = find(id);
        write(existing, draft, by);
        return View.of(existing);
    }

    @Transactional
    public void delete(long id) {
        find(id).delete();
    }

    /** The canned responses of the ticket's language, filled for its customer and {@code agent}. */
    @Transactional
    public List<Filled> forTicket(String ticketId, String agent) {
        Ticket ticket = Ticket.findById(ticketId);
        if (ticket == null) {
            throw new TicketNotFound(ticketId);
        }
        String language = languageOf(ticket.language());
        String salutation = salutation(ticket, language);
        return CannedResponse.ofLanguage(language).stream()
                .map(c -> new Filled(c.id, c.language, c.shortcut, c.title, fill(c.body, salutation, agent)))
                .toList();
    }

    /** An agent's reply started from canned response {@code id}; counted by language and shortcut. */
    @Transactional
    public void used(long id) {
        CannedResponse used = CannedResponse.findById(id);
        if (used != null) {
            // No foreign key: deleting a canned response keeps the count of its uses.
            Panache.getEntityManager().createNativeQuery("insert into canned_response_uses (canned_response_id, at) "
                    + "values (?1, ?2)").setParameter(1, id).setParameter(2, clock.instant()).executeUpdate();
            metrics.cannedResponseUsed(used.language, used.shortcut);
        }
    }

    /** The language of the canned responses for a conversation's language tag: Chinese scripts, else English. */
    public static String languageOf(String tag) {
        if (tag == null || tag.isBlank()) {
            return "zh-Hant";
        }
        String lower = tag.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("zh")) {
            return "en";
        }
        return lower.contains("hans") || lower.endsWith("-cn") || lower.endsWith("-sg") ? "zh-Hans" : "zh-Hant";
    }

    static String fill(String body, String salutation, String agent) {
        return body.replace("{salutation}", salutation).replace("{agent}", agent == null ? "" : agent);
    }

    /**
     * How to address the ticket's customer in {@code language}, either Chinese script serving the other; the neutral
     * greeting when case-service does not know.
     */
    private String salutation(Ticket ticket, String language) {
        Map<String, String> known = ticket.customer == null || ticket.customer.salutation() == null ? Map.of()
                : ticket.customer.salutation();
        String other = language.equals("zh-Hant") ? "zh-Hans" : language.equals("zh-Hans") ? "zh-Hant" : language;
        for (String candidate : List.of(language, other)) {
            String salutation = known.get(candidate);
            if (salutation != null && !salutation.isBlank()) {
                return salutation;
            }
        }
        return config.texts().neutralSalutation().getOrDefault(language, "");
    }

    private void write(CannedResponse target, Draft draft, String by) {
        if (draft == null) {
            throw new ActionRefused(Reason.EMPTY_TEXT, "language, shortcut, title and body are required");
        }
        requireLanguage(draft.language());
        String shortcut = draft.shortcut() == null ? "" : draft.shortcut().strip();
        if (!SHORTCUT.matcher(shortcut).matches()) {
            throw new ActionRefused(Reason.INVALID_SHORTCUT, "A shortcut is 1 to 40 lower-case letters, digits and "
                    + "dashes, starting with a letter or digit (refund-policy)");
        }
        String title = required(draft.title(), "title", MAX_TITLE_LENGTH);
        String body = required(draft.body(), "body", AgentActions.MAX_REPLY_LENGTH);
        Matcher placeholders = PLACEHOLDER.matcher(body);
        while (placeholders.find()) {
            if (!PLACEHOLDERS.contains(placeholders.group(1))) {
                throw new ActionRefused(Reason.UNKNOWN_PLACEHOLDER, "Unknown placeholder " + placeholders.group()
                        + ": a body may use {salutation} and {agent}");
            }
        }
        if (CannedResponse.shortcutTaken(draft.language(), shortcut, target.id)) {
            throw new ActionRefused(Reason.DUPLICATE_SHORTCUT, "Another " + draft.language()
                    + " canned response has the shortcut " + shortcut);
        }
        target.language = draft.language();
        target.shortcut = shortcut;
        target.title = title;
        target.body = body;
        target.updatedBy = by;
        target.updatedAt = clock.instant();
    }

    private static void requireLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new ActionRefused(Reason.UNKNOWN_LANGUAGE, "Unknown language " + language
                    + ": canned responses are zh-Hant, zh-Hans or en");
        }
    }

    /** {@code text} stripped; refused when blank ({@code empty_text}) or longer than {@code maxLength}. */
    public static String required(String text, String field, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new ActionRefused(Reason.EMPTY_TEXT, "The " + field + " is empty");
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength) {
            throw new ActionRefused(Reason.TEXT_TOO_LONG, "The " + field + " is longer than " + maxLength
                    + " characters");
        }
        return stripped;
    }

    private static CannedResponse find(long id) {
        CannedResponse found = CannedResponse.findById(id);
        if (found == null) {
            throw new NotFoundException("No canned response " + id);
        }
        return found;
    }
}
