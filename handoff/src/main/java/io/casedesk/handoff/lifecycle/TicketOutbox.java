package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.mapping.TicketEvents;
import io.casedesk.handoff.model.ConversationControl;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketMessage;
import io.casedesk.handoff.service.OutgoingEvent;
import io.casedesk.messaging.outbox.Outbox;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.ConversationMode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Where every step of a ticket's life puts the events it causes: the transactional outbox, in the step's own
 * transaction, so they leave once it commits and never for a change that did not. Texts to the customer are kept
 * with the ticket as its messages.
 */
@ApplicationScoped
public class TicketOutbox {

    private final Outbox outbox;

    public TicketOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public void send(OutgoingEvent event) {
        outbox.add(event.topic(), event.envelope());
    }

    public void send(List<OutgoingEvent> events) {
        events.forEach(this::send);
    }

    /**
     * A message to the customer on their channel, kept with the ticket, with its audit-log turn.
     *
     * @param author {@code agent:<name>} or {@code system}, also the turn's actor
     */
    public TicketMessage sendToCustomer(Ticket ticket, String author, String kind, String text, AnswerKind answerKind,
                                        Instant now) {
        TicketMessage message = TicketMessage.toCustomer(ticket, author, kind, text, now);
        message.persist();
        send(TicketEvents.toCustomer(ticket, ticket.replyTarget(), message.outboundEventId, text, answerKind, author,
                now));
        return message;
    }

    /**
     * A fixed text of the system to the customer (out of hours, waiting, rating question and thanks).
     *
     * @return {@code false} when there is no text for the customer's language or no address to send it to
     */
    public boolean sendSystemText(Ticket ticket, String text, Instant now) {
        if (text == null || !ticket.replyTarget().reachable()) {
            return false;
        }
        sendToCustomer(ticket, TicketMessage.SYSTEM, TicketMessage.SYSTEM, text, AnswerKind.SYSTEM, now);
        return true;
    }

    /** The conversation goes back to the bot, unless the bot is paused for it. */
    public void handBack(Ticket ticket, String reason, Instant now) {
        send(ConversationControl.isPaused(ticket.conversationId)
                ? TicketEvents.state(ticket, ConversationMode.HUMAN, null, "paused", now)
                : TicketEvents.state(ticket, ConversationMode.BOT, null, reason, now));
    }
}
