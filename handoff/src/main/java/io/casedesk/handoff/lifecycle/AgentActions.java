package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.mapping.TicketEvents;
import io.casedesk.handoff.model.ActionRefused;
import io.casedesk.handoff.model.ActionRefused.Reason;
import io.casedesk.handoff.model.CloseReason;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketMessage;
import io.casedesk.handoff.model.TicketState;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.TicketChanged;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.ConversationMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What people do with a ticket, in the inbox or an external helpdesk: take it (or get it from routing), answer the
 * customer on their channel, close it. Each action is one transaction; a refused one changes nothing.
 */
@ApplicationScoped
public class AgentActions {

    /** Longest text an agent may send at once (one LINE bubble). */
    public static final int MAX_REPLY_LENGTH = 5000;

    private final TicketOutbox outbox;
    private final TicketClosing closing;
    private final HandoffMetrics metrics;
    private final Event<TicketChanged> changes;
    private final Clock clock;

    public AgentActions(TicketOutbox outbox, TicketClosing closing, HandoffMetrics metrics,
                        Event<TicketChanged> changes, Clock clock) {
        this.outbox = outbox;
        this.closing = closing;
        this.metrics = metrics;
        this.changes = changes;
        this.clock = clock;
    }

    /** The agent takes a ticket: a waiting one, or (a supervisor) one assigned to someone else. */
    @Transactional
    public void take(String ticketId, String agent, boolean supervisor) {
        Ticket ticket = Ticket.requireOpen(ticketId);
        if (!ticket.isAssignedTo(agent)) {
            ticket.requireActor(agent, supervisor);
            assign(ticket, agent, clock.instant());
        }
    }

    /** Routing gives a waiting ticket to an agent; {@code false} when it no longer waits. */
    @Transactional
    public boolean assignIfWaiting(String ticketId, String agent) {
        Ticket ticket = Ticket.findById(ticketId);
        if (ticket == null || ticket.state() != TicketState.WAITING) {
            return false;
        }
        assign(ticket, agent, clock.instant());
        return true;
    }

    /** An agent's message to the customer, on their channel. */
    @Transactional
    public void reply(String ticketId, String agent, boolean supervisor, String text) {
        send(ticketId, agent, supervisor, text, AnswerKind.AGENT);
    }

    /** An agent (or the helpdesk) closes the ticket. */
    @Transactional
    public void close(String ticketId, String agent, boolean supervisor) {
        Ticket ticket = Ticket.requireOpen(ticketId);
        ticket.requireActor(agent, supervisor);
        closing.close(ticket, "agent:" + agent, CloseReason.AGENT_CLOSED, clock.instant());
    }

    /**
     * Sends the agent's text to the customer in the caller's transaction; a ticket no one owns becomes the agent's.
     */
    void send(String ticketId, String agent, boolean supervisor, String text, AnswerKind kind) {
        if (text == null || text.isBlank()) {
            throw new ActionRefused(Reason.EMPTY_TEXT, "The message is empty");
        }
        if (text.length() > MAX_REPLY_LENGTH) {
            throw new ActionRefused(Reason.TEXT_TOO_LONG, "The message is longer than " + MAX_REPLY_LENGTH + " characters");
        }
        Ticket ticket = Ticket.requireOpen(ticketId);
        Instant now = clock.instant();
        if (ticket.agent() == null) {
            assign(ticket, agent, now);
        } else {
            ticket.requireActor(agent, supervisor);
        }
        if (!ticket.replyTarget().reachable()) {
            throw new ActionRefused(Reason.UNREACHABLE, "This conversation has no channel address to answer to");
        }
        outbox.sendToCustomer(ticket, "agent:" + agent, TicketMessage.AGENT, text.strip(), kind, now);
        if (ticket.answered(now)) {
            metrics.firstResponse(Duration.between(ticket.createdAt, now));
        }
        changes.fire(TicketChanged.of(ticket.id, "reply"));
    }

    private void assign(Ticket ticket, String agent, Instant now) {
        boolean first = ticket.assignTo(agent, now);
        outbox.send(TicketEvents.state(ticket, ConversationMode.HUMAN, agent, "assigned", now));
        if (first) {
            metrics.timeToAgent(Duration.between(ticket.createdAt, now));
        }
        changes.fire(TicketChanged.of(ticket.id, "assigned"));
    }
}
