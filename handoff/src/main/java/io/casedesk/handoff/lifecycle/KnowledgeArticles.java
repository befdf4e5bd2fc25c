package io.casedesk.handoff.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.handoff.client.ArticleRequest;
import io.casedesk.handoff.client.CaseServiceClient;
import io.casedesk.handoff.model.ActionRefused;
import io.casedesk.handoff.model.ActionRefused.Reason;
import io.casedesk.handoff.model.AnswerFeedback;
import io.casedesk.handoff.model.KnowledgeDraft;
import io.casedesk.handoff.model.KnowledgeGap;
import io.casedesk.handoff.model.KnowledgeGroup;
import io.casedesk.handoff.model.TicketMessage;
import io.casedesk.handoff.service.CannedResponses;
import io.casedesk.handoff.service.ChineseScripts;
import io.casedesk.handoff.service.FirmCalendar;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.schema.privacy.PersonalDataRedactor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * FAQ articles drafted from groups of knowledge gaps (DESIGN §5), in zh-Hant and en, and zh-Hans when the firm writes in
 * it: a language's draft is the right answers agents gave for bot answers they marked wrong, else the agents' answers
 * in the gaps' tickets (the first agent message after the question), in that language; for Chinese, else the other
 * script's converted; else a skeleton of the customers' questions with a placeholder for the answer (questions asked in
 * another language marked to be translated). A supervisor edits a draft, approves it (published to case-service's
 * knowledge base as {@code kb-gap-<group>-<language>}) or rejects it. A draft nobody has edited or decided on follows
 * its group: it is built again each time the group is opened, except a model's draft ({@code KnowledgeDrafting}) of the
 * group's gaps as they are.
 */
@ApplicationScoped
public class KnowledgeArticles {

    private static final Logger LOG = Logger.getLogger(KnowledgeArticles.class);
    /** The languages drafts are written in, in the order the inbox shows them. */
    public static final List<String> LANGUAGES = List.of("zh-Hant", "en", "zh-Hans");
    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_BODY_LENGTH = 20_000;
    static final int SAMPLES = 3;
    private static final ObjectMapper PROBLEMS = new ObjectMapper();

    /** A group as the Knowledge tab lists it; {@code status} {@code open}, {@code published} or {@code dismissed}. */
    public record KnowledgeGroupView(long id, int gaps, List<String> languages, Instant firstSeen, Instant lastSeen,
                                     List<String> samples, String status, String publishedBy, Instant publishedAt) {
    }

    /** A gap of a group: the customer's question, redacted. */
    public record KnowledgeQuestion(long id, String ticketId, String language, String reason, String intent,
                                    String question, Instant askedAt) {
    }

    public record KnowledgeDraftView(long id, String language, String title, String body, List<String> tags,
                                     String source, String state, String editedBy, Instant editedAt, String decidedBy,
                                     Instant decidedAt, String articleId) {
    }

    public record KnowledgeGroupDetail(KnowledgeGroupView group, List<KnowledgeQuestion> questions,
                                       List<KnowledgeDraftView> drafts) {
    }

    /** A supervisor's change of a draft. */
    public record KnowledgeDraftEdit(String title, String body, List<String> tags) {
    }

    private final CaseServiceClient caseService;
    private final FirmCalendar calendar;
    private final HandoffMetrics metrics;
    private final Clock clock;

    public KnowledgeArticles(@RestClient CaseServiceClient caseService, FirmCalendar calendar, HandoffMetrics metrics,
                             Clock clock) {
        this.caseService = caseService;
        this.calendar = calendar;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Every group, most gaps first, then the most recently seen. */
    public List<KnowledgeGroupView> groups() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, List<KnowledgeDraft>> drafts = KnowledgeDraft.<KnowledgeDraft>listAll().stream()
                    .collect(Collectors.groupingBy(d -> d.groupId));
            return KnowledgeGroup.ranked().stream()
                    .map(g -> view(g, KnowledgeGap.ofGroup(g.id), drafts.getOrDefault(g.id, List.of()))).toList();
        });
    }

    /** The group with its questions and its drafts, those nobody has touched built again from its gaps. */
    public KnowledgeGroupDetail group(long groupId) {
        // Read before the transaction: it may ask case-service.
        List<String> firmLanguages = calendar.settings().languages();
        return QuarkusTransaction.requiringNew().call(() -> {
            KnowledgeGroup group = requireGroup(groupId);
            List<KnowledgeGap> gaps = KnowledgeGap.ofGroup(groupId);
            draft(group, gaps, firmLanguages);
            return detail(group, gaps);
        });
    }

    /** A draft the model is to write: untouched, and not yet written by it from the group's gaps as they are now. */
    public record ModelRequest(long groupId, String language, int basis, List<String> questions, List<String> answers) {
    }

    /** Up to {@code max} drafts for the model to write, most asked groups first; their local drafts made meanwhile. */
    public List<ModelRequest> awaitingModel(int max) {
        List<String> firmLanguages = calendar.settings().languages();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ModelRequest> requests = new ArrayList<>();
            for (KnowledgeGroup group : KnowledgeGroup.ranked()) {
                List<KnowledgeGap> gaps = KnowledgeGap.ofGroup(group.id);
                for (KnowledgeDraft draft : draft(group, gaps, firmLanguages)) {
                    if (requests.size() < max && untouched(draft) && !writtenByModel(draft, group)) {
                        requests.add(new ModelRequest(group.id, draft.language, group.gapCount, questions(gaps),
                                labelledAnswers(gaps)));
                    }
                }
            }
            return requests;
        });
    }

    /** Keeps the model's article as the draft, unless a supervisor touched it or the group changed meanwhile. */
    public boolean keepModelDraft(ModelRequest request, String title, String body) {
        return QuarkusTransaction.requiringNew().call(() -> {
            KnowledgeGroup group = KnowledgeGroup.findById(request.groupId());
            KnowledgeDraft draft = KnowledgeDraft.of(request.groupId(), request.language()).orElse(null);
            if (group == null || draft == null || !untouched(draft) || group.gapCount != request.basis()) {
                return false;
            }
            draft.title = title.length() > MAX_TITLE_LENGTH ? title.substring(0, MAX_TITLE_LENGTH) : title;
            draft.body = body.length() > MAX_BODY_LENGTH ? body.substring(0, MAX_BODY_LENGTH) : body;
            draft.source = KnowledgeDraft.MODEL;
            draft.basis = request.basis();
            return true;
        });
    }

    /**
     * Makes the group's drafts: a missing language's, and again every untouched one from the gaps as they are now
     * (a model's draft of these very gaps stays); in the caller's transaction.
     */
    private static List<KnowledgeDraft> draft(KnowledgeGroup group, List<KnowledgeGap> gaps, List<String> firmLanguages) {
        List<KnowledgeDraft> drafts = new ArrayList<>();
        for (String language : draftLanguages(gaps, firmLanguages)) {
            KnowledgeDraft draft = KnowledgeDraft.of(group.id, language).orElse(null);
            if (draft == null) {
                draft = new KnowledgeDraft();
                draft.groupId = group.id;
                draft.language = language;
                draft.state = KnowledgeDraft.DRAFT;
                build(draft, gaps);
                draft.persist();
            } else if (untouched(draft) && !writtenByModel(draft, group)) {
                build(draft, gaps);
                draft.basis = null;
            }
            drafts.add(draft);
        }
        return drafts;
    }

    private static boolean untouched(KnowledgeDraft draft) {
        return KnowledgeDraft.DRAFT.equals(draft.state) && draft.editedBy == null;
    }

    private static boolean writtenByModel(KnowledgeDraft draft, KnowledgeGroup group) {
        return KnowledgeDraft.MODEL.equals(draft.source) && draft.basis != null && draft.basis == group.gapCount;
    }

    /** Every answer given to the group's questions, in each language, marked with it: {@code [en] ...}. */
    private static List<String> labelledAnswers(List<KnowledgeGap> gaps) {
        List<String> labelled = new ArrayList<>();
        for (String language : LANGUAGES) {
            Answers answers = answers(inLanguage(gaps, language));
            if (answers != null) {
                answers.texts().forEach(a -> labelled.add("[" + language + "] " + a));
            }
        }
        return labelled;
    }

    /** A supervisor's change of an undecided draft. */
    public KnowledgeGroupDetail edit(long groupId, String language, KnowledgeDraftEdit edit, String supervisor) {
        if (edit == null) {
            throw new ActionRefused(Reason.EMPTY_TEXT, "title and body are required");
        }
        String title = CannedResponses.required(edit.title(), "title", MAX_TITLE_LENGTH);
        String body = CannedResponses.required(edit.body(), "body", MAX_BODY_LENGTH);
        List<String> tags = edit.tags() == null ? List.of() : edit.tags().stream().filter(t -> t != null && !t.isBlank())
                .map(t -> t.strip().replace(",", " ")).distinct().toList();
        return QuarkusTransaction.requiringNew().call(() -> {
            KnowledgeDraft draft = undecided(groupId, language);
            draft.title = title;
            draft.body = body;
            draft.tags = String.join(",", tags);
            draft.editedBy = supervisor;
            draft.editedAt = clock.instant();
            return detail(requireGroup(groupId), KnowledgeGap.ofGroup(groupId));
        });
    }

    /** Rejects an undecided draft: it is not published, and stays as it is. */
    public KnowledgeGroupDetail reject(long groupId, String language, String supervisor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            KnowledgeDraft draft = undecided(groupId, language);
            draft.state = KnowledgeDraft.REJECTED;
            draft.decidedBy = supervisor;
            draft.decidedAt = clock.instant();
            return detail(requireGroup(groupId), KnowledgeGap.ofGroup(groupId));
        });
    }

    /**
     * Publishes an undecided draft to case-service's knowledge base and marks it approved; when case-service refuses
     * or cannot be reached, nothing is marked ({@link ArticlePublishFailed}). No transaction is open during the call.
     */
    public KnowledgeGroupDetail approve(long groupId, String language, String supervisor) {
        ArticleRequest article = QuarkusTransaction.requiringNew().call(() -> {
            KnowledgeDraft draft = undecided(groupId, language);
            return new ArticleRequest(draft.language, draft.title, draft.body, draft.tagList(),
                    new ArticleRequest.Source("knowledge_gap", String.valueOf(groupId), supervisor));
        });
        String articleId = articleId(groupId, language);
        publish(articleId, article);
        KnowledgeGroupDetail detail = QuarkusTransaction.requiringNew().call(() -> {
            KnowledgeDraft draft = undecided(groupId, language);
            draft.state = KnowledgeDraft.APPROVED;
            draft.decidedBy = supervisor;
            draft.decidedAt = clock.instant();
            draft.articleId = articleId;
            return detail(requireGroup(groupId), KnowledgeGap.ofGroup(groupId));
        });
        metrics.articlePublished();
        LOG.infof("Knowledge-base article %s published by %s", articleId, supervisor);
        return detail;
    }

    /** The knowledge-base article id of a group's draft: {@code kb-gap-12-zh-hant}. */
    public static String articleId(long groupId, String language) {
        return "kb-gap-" + groupId + "-" + language.toLowerCase(Locale.ROOT);
    }

    private void publish(String articleId, ArticleRequest article) {
        Response response;
        try {
            response = caseService.putArticle(articleId, article);
        } catch (ProcessingException | io.casedesk.handoff.client.CaseServiceUnavailableException e) {
            throw new ArticlePublishFailed(0, "case-service could not be reached: " + e.getMessage());
        }
        try (response) {
            int status = response.getStatus();
            if (status == 200 || status == 201) {
                return;
            }
            throw new ArticlePublishFailed(status, "case-service refused the article (HTTP " + status + ")"
                    + problemOf(response));
        }
    }

    /** case-service's problem details in a few words: {@code : Forbidden: the key lacks publish-kb}. */
    private static String problemOf(Response response) {
        try {
            JsonNode problem = PROBLEMS.readTree(response.readEntity(String.class));
            StringBuilder text = new StringBuilder();
            for (String field : List.of("title", "detail")) {
                if (problem.hasNonNull(field) && !problem.get(field).asText().isBlank()) {
                    text.append(": ").append(problem.get(field).asText());
                }
            }
            return text.toString();
        } catch (RuntimeException | java.io.IOException e) {
            return "";
        }
    }

    /**
     * Fills the draft of its language from the group's gaps: the right answers agents gave for answers marked wrong,
     * else the agents' answers in the gaps' tickets, in that language; for Chinese, else those of the other script
     * converted; else a skeleton of the questions (those in another language marked to be translated).
     */
    static void build(KnowledgeDraft draft, List<KnowledgeGap> group) {
        String language = draft.language;
        List<KnowledgeGap> own = inLanguage(group, language);
        String otherScript = otherScript(language);
        List<KnowledgeGap> otherScriptGaps = otherScript == null ? List.of() : inLanguage(group, otherScript);
        Answers answers = answers(own);
        Answers theirs = answers == null && !otherScriptGaps.isEmpty() ? answers(otherScriptGaps) : null;
        if (theirs != null) {
            answers = new Answers(KnowledgeDraft.CONVERTED, theirs.texts().stream().map(t -> convert(t, language)).toList());
        }
        String title;
        List<String> questions;
        boolean toTranslate = false;
        if (!own.isEmpty()) {
            questions = questions(own);
            title = mostFrequent(own);
        } else if (!otherScriptGaps.isEmpty()) {
            questions = questions(otherScriptGaps).stream().map(q -> convert(q, language)).toList();
            title = convert(mostFrequent(otherScriptGaps), language);
        } else {
            questions = questions(group);
            title = TO_TRANSLATE.get(language) + mostFrequent(group);
            toTranslate = true;
        }
        draft.title = title.length() > MAX_TITLE_LENGTH ? title.substring(0, MAX_TITLE_LENGTH) : title;
        if (answers == null) {
            draft.source = KnowledgeDraft.SKELETON;
            draft.body = skeleton(language, questions, toTranslate);
        } else {
            draft.source = answers.source();
            draft.body = String.join("\n\n", answers.texts());
        }
        Set<String> tags = new TreeSet<>();
        (own.isEmpty() ? group : own).stream().map(g -> g.intent).filter(i -> i != null && !i.isBlank())
                .forEach(tags::add);
        tags.add("faq");
        draft.tags = String.join(",", tags);
    }

    /** Answers a draft is made of, and which kind ({@link KnowledgeDraft#source}). */
    record Answers(String source, List<String> texts) {
    }

    /** The right answers of feedback, else the agents' replies in the tickets; oldest first; {@code null}: none. */
    static Answers answers(List<KnowledgeGap> gaps) {
        List<KnowledgeGap> oldestFirst = gaps.stream()
                .sorted(Comparator.comparing((KnowledgeGap g) -> g.askedAt).thenComparing(g -> g.id)).toList();
        // An agent's correction was written as the answer to the question; a reply in a ticket may address more.
        List<String> corrected = distinct(oldestFirst.stream().map(KnowledgeArticles::correctedAnswer));
        if (!corrected.isEmpty()) {
            return new Answers(KnowledgeDraft.FROM_CORRECTED_ANSWER, corrected);
        }
        List<String> replies = distinct(oldestFirst.stream().map(KnowledgeArticles::agentAnswer));
        return replies.isEmpty() ? null : new Answers(KnowledgeDraft.FROM_AGENT_REPLY, replies);
    }

    static List<KnowledgeGap> inLanguage(List<KnowledgeGap> gaps, String language) {
        return gaps.stream().filter(g -> g.language.equals(language)).toList();
    }

    static List<String> questions(List<KnowledgeGap> gaps) {
        return gaps.stream().map(g -> g.question).distinct().toList();
    }

    /** The most frequent question, the most recent among equals (gaps come newest first). */
    static String mostFrequent(List<KnowledgeGap> gaps) {
        List<String> questions = questions(gaps);
        Map<String, Long> frequency = gaps.stream().collect(Collectors.groupingBy(g -> g.question, LinkedHashMap::new,
                Collectors.counting()));
        return frequency.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(e -> -questions.indexOf(e.getKey()))).map(Map.Entry::getKey).orElse("?");
    }

    /** The other Chinese script of a language, {@code null} for English. */
    private static String otherScript(String language) {
        return switch (language) {
            case "zh-Hant" -> "zh-Hans";
            case "zh-Hans" -> "zh-Hant";
            default -> null;
        };
    }

    private static String convert(String text, String toLanguage) {
        return "zh-Hans".equals(toLanguage) ? ChineseScripts.toSimplified(text) : ChineseScripts.toTraditional(text);
    }

    private static List<String> distinct(java.util.stream.Stream<Optional<String>> answers) {
        return new ArrayList<>(new LinkedHashSet<>(answers.flatMap(Optional::stream).toList()));
    }

    /** The right answer of the feedback that made the gap, redacted. */
    private static Optional<String> correctedAnswer(KnowledgeGap gap) {
        return Optional.ofNullable(gap.feedbackId).map(id -> AnswerFeedback.<AnswerFeedback>findById(id))
                .map(f -> PersonalDataRedactor.redact(f.correctAnswer.strip()));
    }

    /** The first agent message of the gap's ticket after the question, redacted. */
    private static Optional<String> agentAnswer(KnowledgeGap gap) {
        if (gap.ticketId == null) {
            return Optional.empty();
        }
        return TicketMessage.<TicketMessage>find("ticketId = ?1 and kind = ?2 and at >= ?3 order by seq", gap.ticketId,
                        TicketMessage.AGENT, gap.askedAt).firstResultOptional()
                .map(m -> PersonalDataRedactor.redact(m.text.strip()));
    }

    private static final Map<String, String> TO_TRANSLATE = Map.of("en", "To translate: ", "zh-Hant", "待翻譯：",
            "zh-Hans", "待翻译：");

    /** The questions and a placeholder for the answer; {@code toTranslate}: the questions are in another language. */
    static String skeleton(String language, List<String> questions, boolean toTranslate) {
        String asked = questions.stream().map(q -> "- " + q).collect(Collectors.joining("\n"));
        return switch (language) {
            case "en" -> "Customers asked" + (toTranslate ? " (to translate)" : "") + ":\n" + asked
                    + "\n\nAnswer: [write the answer here]";
            case "zh-Hans" -> "客户问过" + (toTranslate ? "（待翻译）" : "") + "：\n" + asked + "\n\n答案：[请在此填写答案]";
            default -> "客戶問過" + (toTranslate ? "（待翻譯）" : "") + "：\n" + asked + "\n\n答案：[請在此填寫答案]";
        };
    }

    /**
     * The languages a group is drafted in: zh-Hant and en always, zh-Hans when the firm writes in it or a customer of
     * the group did.
     */
    static List<String> draftLanguages(List<KnowledgeGap> gaps, List<String> firmLanguages) {
        boolean simplified = firmLanguages.stream().anyMatch(l -> "zh-Hans".equals(CannedResponses.languageOf(l)))
                || gaps.stream().anyMatch(g -> "zh-Hans".equals(g.language));
        return simplified ? LANGUAGES : LANGUAGES.subList(0, 2);
    }

    private static List<String> languagesOf(List<KnowledgeGap> gaps) {
        Set<String> present = gaps.stream().map(g -> g.language).collect(Collectors.toSet());
        return LANGUAGES.stream().filter(present::contains).toList();
    }

    private static KnowledgeGroupDetail detail(KnowledgeGroup group, List<KnowledgeGap> gaps) {
        List<KnowledgeDraft> drafts = KnowledgeDraft.ofGroup(group.id).stream()
                .sorted(Comparator.comparing(d -> LANGUAGES.indexOf(d.language))).toList();
        return new KnowledgeGroupDetail(view(group, gaps, drafts),
                gaps.stream().map(g -> new KnowledgeQuestion(g.id, g.ticketId, g.language, g.reason, g.intent,
                        g.question, g.askedAt)).toList(),
                drafts.stream().map(KnowledgeArticles::view).toList());
    }

    private static KnowledgeGroupView view(KnowledgeGroup group, List<KnowledgeGap> gaps, List<KnowledgeDraft> drafts) {
        Optional<KnowledgeDraft> published = drafts.stream().filter(d -> KnowledgeDraft.APPROVED.equals(d.state))
                .max(Comparator.comparing(d -> d.decidedAt));
        boolean dismissed = !drafts.isEmpty() && drafts.stream().allMatch(d -> KnowledgeDraft.REJECTED.equals(d.state));
        String status = published.isPresent() ? "published" : dismissed ? "dismissed" : "open";
        return new KnowledgeGroupView(group.id, group.gapCount, languagesOf(gaps), group.firstSeen, group.lastSeen,
                gaps.stream().map(g -> g.question).distinct().limit(SAMPLES).toList(), status,
                published.map(d -> d.decidedBy).orElse(null), published.map(d -> d.decidedAt).orElse(null));
    }

    private static KnowledgeDraftView view(KnowledgeDraft d) {
        return new KnowledgeDraftView(d.id, d.language, d.title, d.body, d.tagList(), d.source, d.state, d.editedBy,
                d.editedAt, d.decidedBy, d.decidedAt, d.articleId);
    }

    private static KnowledgeGroup requireGroup(long groupId) {
        KnowledgeGroup group = KnowledgeGroup.findById(groupId);
        if (group == null) {
            throw new NotFoundException("No knowledge group " + groupId);
        }
        return group;
    }

    private static KnowledgeDraft undecided(long groupId, String language) {
        if (!LANGUAGES.contains(language)) {
            throw new ActionRefused(Reason.UNKNOWN_LANGUAGE, "Unknown language " + language
                    + ": drafts are zh-Hant, zh-Hans or en");
        }
        requireGroup(groupId);
        KnowledgeDraft draft = KnowledgeDraft.of(groupId, language).orElseThrow(() ->
                new NotFoundException("Knowledge group " + groupId + " has no " + language + " draft"));
        if (!KnowledgeDraft.DRAFT.equals(draft.state)) {
            throw new ActionRefused(Reason.ALREADY_DECIDED, "This draft was " + draft.state + " by "
                    + draft.decidedBy);
        }
        return draft;
    }
}
