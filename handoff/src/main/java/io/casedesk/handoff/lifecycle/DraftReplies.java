package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.mapping.TicketEvents;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.service.TicketChanged;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.TurnKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * The responder's drafts (policy {@code draft}): an agent sends one as it is, sends it edited, or rejects it. Only a
 * pending draft can be decided on, once.
 */
@ApplicationScoped
public class DraftReplies {

    private final AgentActions actions;
    private final TicketOutbox outbox;
    private final Event<TicketChanged> changes;
    private final Clock clock;

    public DraftReplies(AgentActions actions, TicketOutbox outbox, Event<TicketChanged> changes, Clock clock) {
        this.actions = actions;
        this.outbox = outbox;
        this.changes = changes;
        this.clock = clock;
    }

    /** The draft goes out as it is. */
    @Transactional
    public void approve(String ticketId, String agent, boolean supervisor) {
        String text = Ticket.requireOpen(ticketId).approveDraft();
        actions.send(ticketId, agent, supervisor, text, AnswerKind.APPROVED_DRAFT);
    }

    /** The draft goes out as the agent edited it. */
    @Transactional
    public void edit(String ticketId, String agent, boolean supervisor, String text) {
        Ticket.requireOpen(ticketId).editDraft();
        actions.send(ticketId, agent, supervisor, text, AnswerKind.APPROVED_DRAFT);
    }

    /** Nothing goes out; the audit log records the rejection. */
    @Transactional
    public void reject(String ticketId, String agent, boolean supervisor) {
        Ticket ticket = Ticket.requireOpen(ticketId);
        ticket.rejectDraft();
        ticket.requireActor(agent, supervisor);
        outbox.send(TicketEvents.turn(ticket, EventIds.derive(ticket.id, "draft-rejected-" + ticket.nextSeq()),
                TurnKind.DRAFT, "agent:" + agent, null, "rejected", clock.instant()));
        changes.fire(TicketChanged.of(ticket.id, "draft"));
    }
}
