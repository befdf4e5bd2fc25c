package io.casedesk.handoff.service;

import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketState;

import java.time.Duration;
import java.time.Instant;

/**
 * When a ticket's timeouts fall due (DESIGN §5), decided from its timestamps alone, so the rules are tested
 * with any clock: the waiting notice once the customer has waited {@code waitTimeout} for a first answer, the
 * return to the bot once the customer has left the agent's last message unanswered for {@code inactivity},
 * and the end of the rating question.
 */
public record Timeouts(Duration waitTimeout, Duration inactivity) {

    /** Waiting for a first answer since the wait started (the next window, for out-of-hours tickets). */
    public boolean waitingNoticeDue(Ticket ticket, Instant now) {
        return ticket.state().open() && ticket.firstResponseAt() == null && ticket.waitingNoticeAt() == null
                && !ticket.waitStartedAt.plus(waitTimeout).isAfter(now);
    }

    /** The agent spoke last, and the customer has not answered for {@code inactivity}. */
    public boolean inactive(Ticket ticket, Instant now) {
        Instant agentSpoke = ticket.lastAgentMessageAt();
        Instant customerSpoke = ticket.lastCustomerMessageAt();
        return ticket.state() == TicketState.ACTIVE && agentSpoke != null && !agentSpoke.plus(inactivity).isAfter(now)
                && (customerSpoke == null || customerSpoke.isBefore(agentSpoke));
    }

    public boolean ratingExpired(Ticket ticket, Instant now) {
        return ticket.rating() != null && ticket.rating().awaited() && !ticket.rating().dueAt().isAfter(now);
    }

    /** Whether a rating answer still counts. */
    public boolean ratingOpen(Ticket ticket, Instant now) {
        return ticket.rating() != null && ticket.rating().awaited() && ticket.rating().dueAt().isAfter(now);
    }
}
