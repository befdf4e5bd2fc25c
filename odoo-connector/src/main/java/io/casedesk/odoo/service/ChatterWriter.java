package io.casedesk.odoo.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.odoo.client.OdooClient;
import io.casedesk.odoo.client.OdooException;
import io.casedesk.odoo.config.OdooConfig;
import io.casedesk.odoo.mapping.HtmlText;
import io.casedesk.odoo.mapping.OdooMapping;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.TurnKind;
import io.casedesk.schema.privacy.PersonalDataRedactor;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes conversation turns into the chatter of the matter they belong to, exactly once each. A turn is first
 * stored in the outbox (by its event id, so a redelivered record adds nothing), then posted as an internal note
 * with {@code message_post}, its {@code message_id} derived from the event id. The attempt is counted before the
 * post; a later attempt of the same entry (after a crash, a timeout, a kill) first searches {@code mail.message}
 * for that {@code message_id} and, when Odoo has it, only marks it posted. Entries go out in the order they were
 * stored; while Odoo is down the writer backs off and the entries wait.
 * <p>
 * The record: the client's open case most recently changed in Odoo (a closed one if none is open), else the
 * client's partner record. Turns of writers that are not a synced client are not written.
 */
@ApplicationScoped
public class ChatterWriter {

    private static final Logger LOG = Logger.getLogger(ChatterWriter.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** A refusal by Odoo (not a passing failure) is tried this many times, then the entry is set aside. */
    static final int MAX_REFUSED_ATTEMPTS = 5;
    private static final int BATCH = 50;

    private final SyncStore store;
    private final OdooClient odoo;
    private final OdooConfig config;
    private final SyncMetrics metrics;
    private final String caseModel;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Duration backOff = Duration.ZERO;
    private volatile String lastError;

    public ChatterWriter(SyncStore store, OdooClient odoo, OdooConfig config, SyncMetrics metrics) {
        this.store = store;
        this.odoo = odoo;
        this.config = config;
        this.metrics = metrics;
        this.caseModel = config.cases().model();
        metrics.outboxBacklog(() -> store.outboxCounts().getOrDefault("pending", 0L));
    }

    /** The Odoo {@code message_id} of a turn: the same for every delivery of the turn. */
    public static String messageId(String eventId) {
        return "<casedesk-turn-" + eventId + "@casedesk>";
    }

    /** Stores one turn for the chatter, or notes why it is not written; a turn stored before changes nothing. */
    public void accept(Envelope<ConversationTurn> envelope) {
        WriteBackConfig settings = new WriteBackConfig(config.writeBack());
        ConversationTurn turn = envelope.payload();
        String kind = kindName(turn.kind());
        if (!settings.enabled() || !settings.kinds().contains(kind)) {
            return;
        }
        if (turn.customerRef() == null) {
            store.skip(envelope.eventId(), envelope.conversationId(), kind, "no_customer", envelope.occurredAt());
            return;
        }
        Optional<SyncStore.Synced> partner = store.byKey(OdooMapping.PARTNER_MODEL, turn.customerRef());
        if (partner.isEmpty()) {
            store.skip(envelope.eventId(), envelope.conversationId(), kind, "customer_not_from_odoo",
                    envelope.occurredAt());
            return;
        }
        List<SyncStore.Synced> cases = store.casesOf(caseModel, partner.get().odooId());
        String model = cases.isEmpty() ? OdooMapping.PARTNER_MODEL : caseModel;
        long id = cases.isEmpty() ? partner.get().odooId() : cases.get(0).odooId();
        store.enqueue(envelope.eventId(), envelope.conversationId(), kind, model, id, messageId(envelope.eventId()),
                render(envelope, settings), envelope.occurredAt());
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${casedesk.odoo.write-back.send-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "odoo-chatter-writer")
    void sendScheduled() {
        if (config.writeBack().enabled() && Instant.now().isAfter(pausedUntil)) {
            sendPending();
        }
    }

    /** Posts what waits, in order; stops at the first failure that may pass. Returns how many were posted. */
    public int sendPending() {
        int posted = 0;
        List<SyncStore.OutboxEntry> entries = store.pending(BATCH);
        for (SyncStore.OutboxEntry entry : entries) {
            try {
                post(entry);
                posted++;
                backOff = Duration.ZERO;
                lastError = null;
            } catch (OdooException e) {
                lastError = e.getMessage();
                store.markFailed(entry.id(), e.getMessage());
                if (e.isMissingRecord()) {
                    store.markSkipped(entry.id(), "record_missing");
                    metrics.chatter("skipped");
                    continue;
                }
                if (!e.isTransient() && entry.attempts() + 1 >= MAX_REFUSED_ATTEMPTS) {
                    store.markSkipped(entry.id(), "refused");
                    metrics.chatter("refused");
                    LOG.warnf("Odoo refused chatter entry %d %d times; set aside: %s", entry.id(), MAX_REFUSED_ATTEMPTS,
                            e.getMessage());
                    continue;
                }
                metrics.chatter("failed");
                backOff = backOff.isZero() ? Duration.ofSeconds(1)
                        : backOff.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1)
                                : backOff.multipliedBy(2);
                pausedUntil = Instant.now().plus(backOff);
                LOG.infof("Chatter write-back paused %d s: %s", backOff.toSeconds(), e.getMessage());
                break;
            }
        }
        return posted;
    }

    private void post(SyncStore.OutboxEntry entry) {
        if (entry.attempts() > 0) {
            List<JsonNode> existing = odoo.searchRead("mail.message", List.of(
                            List.of("message_id", "=", entry.messageId()), List.of("model", "=", entry.targetModel()),
                            List.of("res_id", "=", entry.targetId())),
                    List.of("id"), 0, 1, null, Map.of());
            if (!existing.isEmpty()) {
                store.markPosted(entry.id(), existing.get(0).path("id").asLong());
                metrics.chatter("found");
                return;
            }
        }
        store.markAttempt(entry.id());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("body", entry.body());
        values.put("message_type", "comment");
        // An internal note: the client, who may follow the record, is not emailed.
        values.put("subtype_xmlid", "mail.mt_note");
        values.put("message_id", entry.messageId());
        if (config.writeBack().bodyIsHtml()) {
            values.put("body_is_html", true);
        }
        long messageId = odoo.messagePost(entry.targetModel(), entry.targetId(), values);
        store.markPosted(entry.id(), messageId);
        metrics.chatter("posted");
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            cron = "0 15 4 * * ?", identity = "odoo-chatter-retention")
    void forgetOld() {
        int forgotten = store.forgetFinishedBefore(Instant.now().minus(config.writeBack().retention()));
        if (forgotten > 0) {
            LOG.infof("Forgot %d posted chatter entries", forgotten);
        }
    }

    public String lastError() {
        return lastError;
    }

    /** The note: who spoke, on which channel, when, and the text (personal data redacted when configured). */
    static String render(Envelope<ConversationTurn> envelope, WriteBackConfig settings) {
        ConversationTurn turn = envelope.payload();
        String label = switch (turn.kind()) {
            case INBOUND -> "Client message";
            case ANSWER -> "CaseDesk answer";
            case DRAFT -> "Draft answer (awaiting an agent)";
            case HANDOFF -> "Handed to a person";
            case AGENT_REPLY -> "Agent reply";
            default -> "Conversation";
        };
        StringBuilder header = new StringBuilder("[CaseDesk] ").append(label);
        if (turn.channel() != null) {
            header.append(" · ").append(turn.channel().name().toLowerCase(Locale.ROOT));
        }
        if (turn.actor() != null && turn.actor().startsWith("agent:")) {
            header.append(" · ").append(turn.actor().substring("agent:".length()));
        }
        header.append(" · ").append(STAMP.format(envelope.occurredAt()));
        String text = turn.text() == null ? "" : turn.text();
        if (turn.kind() == TurnKind.HANDOFF && turn.detail() != null) {
            text = text.isEmpty() ? "Reason: " + turn.detail() : text + "\nReason: " + turn.detail();
        }
        if (settings.redact()) {
            text = PersonalDataRedactor.redact(text);
        }
        if (!settings.bodyIsHtml()) {
            return header + (text.isEmpty() ? "" : "\n" + text);
        }
        String html = "<p><b>" + HtmlText.escape(header.toString()) + "</b></p>";
        return text.isEmpty() ? html : html + "<p>" + HtmlText.escape(text).replace("\n", "<br>") + "</p>";
    }

    static String kindName(TurnKind kind) {
        return kind == TurnKind.AGENT_REPLY ? "agent_reply" : kind.name().toLowerCase(Locale.ROOT);
    }

    /** The write-back settings one turn is rendered with. */
    record WriteBackConfig(boolean enabled, boolean redact, List<String> kinds, boolean bodyIsHtml) {
        WriteBackConfig(OdooConfig.WriteBack config) {
            this(config.enabled(), config.redact(), config.kinds(), config.bodyIsHtml());
        }
    }
}
