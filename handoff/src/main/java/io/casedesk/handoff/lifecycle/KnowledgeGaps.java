package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.mapping.HandoffMapper;
import io.casedesk.handoff.model.AnswerFeedback;
import io.casedesk.handoff.model.KnowledgeGap;
import io.casedesk.handoff.model.RecentTurn;
import io.casedesk.handoff.service.CannedResponses;
import io.casedesk.handoff.service.ChineseScripts;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.QuestionOverlap;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Triage;
import io.casedesk.schema.privacy.PersonalDataRedactor;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Records the questions the bot could not answer: a handoff for {@code no_article} (no knowledge-base article) or
 * {@code low_confidence}, and a question the customer asked again right after the bot's own answer ({@code re_asked}),
 * and a question whose bot answer an agent marked wrong ({@code marked_wrong}) become a {@link KnowledgeGap}, the
 * customer's text redacted, in the transaction that handles the event (whose id is
 * recorded there: a redelivered event records nothing). The grouping worker ({@code KnowledgeGrouping}) embeds it
 * later, off the consumer's path.
 */
@ApplicationScoped
public class KnowledgeGaps {

    /** The handoff reasons that mean the knowledge base lacks an answer. */
    public static final Set<String> REASONS = Set.of("no_article", "low_confidence");
    public static final String RE_ASKED = "re_asked";
    public static final String MARKED_WRONG = "marked_wrong";
    /** The responder's own answer ({@code AnswerKind.AUTO}), as its answer turns say in their detail. */
    private static final String BOT_OWN_ANSWER = "auto";

    private final HandoffMetrics metrics;
    private final HandoffConfig config;

    public KnowledgeGaps(HandoffMetrics metrics, HandoffConfig config) {
        this.metrics = metrics;
        this.config = config;
    }

    /** Records the request's question as a gap when its reason says the bot had no answer; in the caller's transaction. */
    public void record(Envelope<HandoffRequest> request, String ticketId, Instant now) {
        HandoffRequest handoff = request.payload();
        InboundMessage inbound = HandoffMapper.inbound(handoff);
        if (handoff.reason() == null || !REASONS.contains(handoff.reason()) || inbound == null
                || inbound.text() == null || inbound.text().isBlank()) {
            return;
        }
        Triage triage = handoff.message().triage();
        KnowledgeGap gap = new KnowledgeGap();
        gap.eventId = request.eventId();
        gap.ticketId = ticketId;
        gap.reason = handoff.reason();
        gap.intent = triage == null || triage.intent() == null ? null
                : triage.intent().name().toLowerCase(Locale.ROOT);
        gap.language = CannedResponses.languageOf(triage != null && triage.language() != null ? triage.language()
                : inbound.languageHint());
        gap.question = PersonalDataRedactor.redact(inbound.text().strip());
        gap.askedAt = now;
        gap.persist();
        metrics.knowledgeGapRecorded(gap.reason, gap.language);
    }

    /**
     * Records a {@code re_asked} gap when the customer's turn (already among the conversation's recent turns) follows
     * the bot's own answer within {@code re-ask-window} and asks the question that answer followed again (their terms
     * overlap by {@code re-ask-overlap}): the answer, from an article or the customer's cases, did not answer it. The
     * gap's question is the one the bot answered, its event the re-asking turn; in the caller's transaction.
     *
     * @param last the conversation's last three turns (or fewer) as they were when this turn was kept, oldest first
     */
    public void recordReAsked(Envelope<ConversationTurn> turn, List<RecentTurn> last) {
        if (!"customer".equals(turn.payload().actor()) || turn.payload().text() == null) {
            return;
        }
        if (last.size() < 3 || !turn.eventId().equals(last.get(2).eventId)) {
            return;
        }
        RecentTurn question = last.get(0);
        RecentTurn answer = last.get(1);
        if (!"inbound".equals(question.kind) || !"customer".equals(question.actor) || question.text == null
                || !"answer".equals(answer.kind) || !"bot".equals(answer.actor) || !BOT_OWN_ANSWER.equals(answer.detail)
                // Both customer turns' times come from the channel, the answer's from another service's clock.
                || Duration.between(question.at, turn.occurredAt()).compareTo(config.knowledge().reAskWindow()) > 0
                || QuestionOverlap.between(question.text, turn.payload().text()) < config.knowledge().reAskOverlap()
                || KnowledgeGap.count("eventId", turn.eventId()) > 0) {
            return;
        }
        KnowledgeGap gap = new KnowledgeGap();
        gap.eventId = turn.eventId();
        gap.reason = RE_ASKED;
        gap.language = ChineseScripts.languageOf(question.text);
        gap.question = PersonalDataRedactor.redact(question.text.strip());
        gap.askedAt = question.at;
        gap.persist();
        metrics.knowledgeGapRecorded(gap.reason, gap.language);
    }

    /**
     * Records a {@code marked_wrong} gap for the question whose bot answer an agent marked wrong (none when the history
     * starts with the answer): the group's draft prefers the agent's right answer. In the feedback's transaction, which
     * refuses a second mark of the answer, so one gap per feedback.
     */
    public void recordMarkedWrong(AnswerFeedback feedback) {
        if (feedback.question == null || feedback.question.isBlank()) {
            return;
        }
        KnowledgeGap gap = new KnowledgeGap();
        gap.eventId = EventIds.derive(feedback.ticketId, "answer-feedback-" + feedback.turnIndex);
        gap.ticketId = feedback.ticketId;
        gap.reason = MARKED_WRONG;
        gap.intent = feedback.intent;
        gap.language = CannedResponses.languageOf(feedback.language);
        gap.question = PersonalDataRedactor.redact(feedback.question.strip());
        gap.askedAt = feedback.answeredAt != null ? feedback.answeredAt : feedback.markedAt;
        gap.feedbackId = feedback.id;
        gap.persist();
        metrics.knowledgeGapRecorded(gap.reason, gap.language);
    }
}
