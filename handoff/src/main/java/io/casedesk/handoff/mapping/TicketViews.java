package io.casedesk.handoff.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import io.casedesk.handoff.client.CaseView;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketMessage;

import java.time.Instant;
import java.util.List;

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

    /** Everything an agent needs in front of them. */
    public record Detail(Summary ticket, String conversationId, List<String> triageReasons, List<HistoryTurn> history,
                         List<CaseView> caseSummary, String caseSummaryStatus, String draftText, String draftState,
                         List<Message> messages, boolean botPaused, Instant ratingDueAt) {
    }

    public static Summary summary(Ticket t, String preview) {
        return new Summary(t.id, t.state.name().toLowerCase(), t.priority, t.queue, t.reason, t.intent, t.emotion,
                t.urgency, t.language, t.channel.toLowerCase(), t.customerRef, t.customerName, t.vip, t.agent,
                t.createdAt, t.waitStartedAt, t.lastCustomerMessageAt, cut(preview), "pending".equals(t.draftState),
                t.outOfHoursNoticeAt != null, t.waitingNoticeAt != null, t.supervisorNotified, t.closedAt,
                t.closeReason, t.rating);
    }

    public static Detail detail(Ticket t, List<TicketMessage> messages, boolean botPaused) {
        String preview = lastCustomerText(messages);
        return new Detail(summary(t, preview), t.conversationId,
                t.triageReasons == null ? List.of() : Json.read(t.triageReasons, new TypeReference<List<String>>() { }),
                t.history == null ? List.of() : Json.read(t.history, new TypeReference<List<HistoryTurn>>() { }),
                t.caseSummary == null ? List.of() : Json.read(t.caseSummary, new TypeReference<List<CaseView>>() { }),
                t.caseSummaryStatus, t.draftText, t.draftState,
                messages.stream().map(m -> new Message(m.seq, m.author, m.kind, m.text, m.at, m.deliveryStatus,
                        m.deliveryDetail)).toList(),
                botPaused, t.ratingDueAt);
    }

    public static String lastCustomerText(List<TicketMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (TicketMessage.CUSTOMER.equals(messages.get(i).kind)) {
                return messages.get(i).text;
            }
        }
        return null;
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
