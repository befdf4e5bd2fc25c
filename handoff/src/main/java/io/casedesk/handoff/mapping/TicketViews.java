package io.casedesk.handoff.mapping;

import io.casedesk.handoff.client.CaseView;
import io.casedesk.handoff.model.AnswerFeedback;
import io.casedesk.handoff.model.AttachmentState;
import io.casedesk.handoff.model.Closing;
import io.casedesk.handoff.model.Draft;
import io.casedesk.handoff.model.HistoryTurn;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketAttachment;
import io.casedesk.handoff.model.TicketMessage;
import io.casedesk.handoff.model.TicketNote;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Tickets as the agent inbox shows them. */
public final class TicketViews {

    /** A row of the queue. {@code preview} is the customer's latest message, cut short. */
    public record Summary(String id, String state, int priority, String queue, String reason, String intent,
                          String emotion, String urgency, String language, String channel, String customerRef,
                          String customerName, boolean vip, String agent, Instant createdAt, Instant waitStartedAt,
                          Instant lastCustomerMessageAt, String preview, boolean draftPending, boolean outOfHours,
                          boolean waitingNoticeSent, boolean supervisorNotified, Instant closedAt, String closeReason,
                          Integer rating) {
    }

    public record Message(int seq, String author, String kind, String text, Instant at, String deliveryStatus,
                          String deliveryDetail) {
    }

    /** An agent's private note: in the inbox's timeline, never sent to the customer. */
    public record Note(long id, String author, String text, Instant at) {
    }

    /** A bot answer of the history ({@code turn}, its index) an agent marked wrong, with the right answer. */
    public record WrongAnswer(int turn, String correctAnswer, String markedBy, Instant markedAt) {
    }

    /**
     * A file the customer sent: {@code state} {@code pending} (being fetched), {@code stored} (then {@code download}
     * is its address), {@code too_large}, {@code unavailable} or {@code purged}.
     */
    public record AttachmentView(long id, String kind, String name, String mediaType, Long sizeBytes, String state,
                                 Instant receivedAt, String download) {
    }

    /**
     * Everything an agent needs in front of them; {@code notes} and {@code wrongAnswers} are private to the firm's
     * people.
     */
    public record Detail(Summary ticket, String conversationId, List<String> triageReasons, List<HistoryTurn> history,
                         List<CaseView> caseSummary, String caseSummaryStatus, String draftText, String draftState,
                         List<Message> messages, List<Note> notes, List<WrongAnswer> wrongAnswers, boolean botPaused,
                         Instant ratingDueAt, List<AttachmentView> attachments) {
    }

    public static Summary summary(Ticket t, String preview) {
        Closing closing = t.closing();
        return new Summary(t.id, lower(t.state()), t.priority, t.queue, t.reason, t.triage().intent(),
                t.triage().emotion(), t.triage().urgency(), t.language(), lower(t.channel), t.customer.ref(),
                t.customer.name(), t.customer.vip(), t.agent(), t.createdAt, t.waitStartedAt, t.lastCustomerMessageAt(),
                cut(preview), t.draft() != null && t.draft().pending(), t.outOfHoursNoticeAt() != null,
                t.waitingNoticeAt() != null, t.supervisorNotified, closing == null ? null : closing.at(),
                closing == null ? null : lower(closing.reason()), t.rating() == null ? null : t.rating().score());
    }

    public static Detail detail(Ticket t, List<TicketMessage> messages, List<TicketNote> notes,
                                List<AnswerFeedback> wrongAnswers, boolean botPaused) {
        return detail(t, messages, notes, wrongAnswers, botPaused, List.of());
    }

    public static Detail detail(Ticket t, List<TicketMessage> messages, List<TicketNote> notes,
                                List<AnswerFeedback> wrongAnswers, boolean botPaused,
                                List<TicketAttachment.Listed> attachments) {
        String preview = lastCustomerText(messages);
        Draft draft = t.draft();
        return new Detail(summary(t, preview), t.conversationId, orEmpty(t.triage().reasons()), orEmpty(t.history),
                orEmpty(t.customer.cases()), lower(t.customer.casesStatus()), draft == null ? null : draft.text(),
                draft == null ? null : lower(draft.state()),
                messages.stream().map(m -> new Message(m.seq, m.author, m.kind, m.text, m.at, m.deliveryStatus,
                        m.deliveryDetail)).toList(),
                notes.stream().map(n -> new Note(n.id, n.author, n.text, n.at)).toList(),
                wrongAnswers.stream().map(f -> new WrongAnswer(f.turnIndex, f.correctAnswer, f.markedBy, f.markedAt))
                        .toList(),
                botPaused, t.rating() == null ? null : t.rating().dueAt(),
                attachments.stream().map(a -> attachment(t.id, a)).toList());
    }

    private static AttachmentView attachment(String ticketId, TicketAttachment.Listed a) {
        return new AttachmentView(a.id(), a.kind(), a.name(), a.mediaType(), a.sizeBytes(), lower(a.state()),
                a.receivedAt(), a.state() == AttachmentState.STORED
                        ? "/api/v1/inbox/tickets/" + ticketId + "/attachments/" + a.id() : null);
    }

    public static String lastCustomerText(List<TicketMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (TicketMessage.CUSTOMER.equals(messages.get(i).kind)) {
                return messages.get(i).text;
            }
        }
        return null;
    }

    /** Enum values as the inbox names them: {@code agent_closed}. */
    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String cut(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }

    private TicketViews() {
    }
}
