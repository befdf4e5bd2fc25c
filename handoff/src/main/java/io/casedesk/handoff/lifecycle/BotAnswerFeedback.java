package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.mapping.Json;
import io.casedesk.handoff.model.ActionRefused;
import io.casedesk.handoff.model.ActionRefused.Reason;
import io.casedesk.handoff.model.AnswerFeedback;
import io.casedesk.handoff.model.HistoryTurn;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketNotFound;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.TicketChanged;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.privacy.PersonalDataRedactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Agents' feedback on the bot: an answer of the bot in a ticket's history marked wrong, with the right answer. Kept
 * in handoff's database and exported, personal data redacted, for evaluating the bot. Feedback causes no event: the
 * customer never sees it.
 */
@ApplicationScoped
public class BotAnswerFeedback {

    /** A line of the export: every text redacted, the conversation named by a stable key instead of its id. */
    public record ExportLine(long id, Instant markedAt, String markedBy, String ticketId, String conversationKey,
                             String language, String intent, String question, String botAnswer, Instant answeredAt,
                             String correctAnswer) {
    }

    private final HandoffMetrics metrics;
    private final KnowledgeGaps gaps;
    private final Event<TicketChanged> changes;
    private final Clock clock;

    public BotAnswerFeedback(HandoffMetrics metrics, KnowledgeGaps gaps, Event<TicketChanged> changes, Clock clock) {
        this.metrics = metrics;
        this.gaps = gaps;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Marks the bot's answer at {@code turnIndex} of the ticket's history wrong, once.
     *
     * @param correctAnswer what the bot should have answered
     */
    @Transactional
    public AnswerFeedback markWrong(String ticketId, int turnIndex, String agent, String correctAnswer) {
        if (correctAnswer == null || correctAnswer.isBlank()) {
            throw new ActionRefused(Reason.EMPTY_TEXT, "The right answer is empty");
        }
        String correct = correctAnswer.strip();
        if (correct.length() > AgentActions.MAX_REPLY_LENGTH) {
            throw new ActionRefused(Reason.TEXT_TOO_LONG, "The right answer is longer than "
                    + AgentActions.MAX_REPLY_LENGTH + " characters");
        }
        Ticket ticket = Ticket.findById(ticketId);
        if (ticket == null) {
            throw new TicketNotFound(ticketId);
        }
        List<HistoryTurn> history = ticket.history == null ? List.of() : ticket.history;
        if (turnIndex < 0 || turnIndex >= history.size() || !botAnswer(history.get(turnIndex))) {
            throw new ActionRefused(Reason.NOT_A_BOT_ANSWER, "Turn " + turnIndex + " of this ticket's history is not "
                    + "an answer of the bot");
        }
        if (AnswerFeedback.marked(ticketId, turnIndex)) {
            throw new ActionRefused(Reason.ALREADY_MARKED, "This answer is already marked wrong");
        }
        HistoryTurn answer = history.get(turnIndex);
        AnswerFeedback feedback = new AnswerFeedback();
        feedback.ticketId = ticket.id;
        feedback.conversationId = ticket.conversationId;
        feedback.turnIndex = turnIndex;
        feedback.language = ticket.language();
        feedback.intent = ticket.triage().intent();
        feedback.question = questionBefore(history, turnIndex);
        feedback.botAnswer = answer.text();
        feedback.answeredAt = answer.at();
        feedback.correctAnswer = correct;
        feedback.markedBy = agent;
        feedback.markedAt = clock.instant();
        feedback.persist();
        // The question it answered is a knowledge gap whose draft starts from the right answer.
        gaps.recordMarkedWrong(feedback);
        metrics.answerMarkedWrong();
        changes.fire(TicketChanged.of(ticketId, "feedback"));
        return feedback;
    }

    /** The feedback marked since {@code since} ({@code null}: all) as JSON lines, every text redacted. */
    @Transactional
    public String export(Instant since) {
        return AnswerFeedback.since(since).stream().map(f -> Json.write(new ExportLine(f.id, f.markedAt, f.markedBy,
                        f.ticketId, EventIds.derive(f.conversationId, "answer-feedback"), f.language, f.intent,
                        redact(f.question), redact(f.botAnswer), f.answeredAt, redact(f.correctAnswer))) + "\n")
                .collect(Collectors.joining());
    }

    /** A turn of the bot that answered the customer. */
    public static boolean botAnswer(HistoryTurn turn) {
        return "answer".equals(turn.kind()) && "bot".equals(turn.actor()) && turn.text() != null;
    }

    /** The customer's latest message before the answer. */
    private static String questionBefore(List<HistoryTurn> history, int answer) {
        for (int i = answer - 1; i >= 0; i--) {
            if ("inbound".equals(history.get(i).kind())) {
                return history.get(i).text();
            }
        }
        return null;
    }

    private static String redact(String text) {
        return text == null ? null : PersonalDataRedactor.redact(text);
    }
}
