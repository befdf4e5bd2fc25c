package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.mapping.TicketEvents;
import io.casedesk.handoff.model.ActionRefused;
import io.casedesk.handoff.model.ActionRefused.Reason;
import io.casedesk.handoff.model.ConversationControl;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.service.TicketChanged;
import io.casedesk.schema.ConversationMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * The pause switches: the bot stays silent for one conversation, even after its ticket closes, or (supervisors) for
 * every conversation ({@link ConversationControl#ALL}). The bot cannot take back a conversation a person owns.
 */
@ApplicationScoped
public class BotSwitches {

    private final TicketOutbox outbox;
    private final Event<TicketChanged> changes;
    private final Clock clock;

    public BotSwitches(TicketOutbox outbox, Event<TicketChanged> changes, Clock clock) {
        this.outbox = outbox;
        this.changes = changes;
        this.clock = clock;
    }

    /** Pauses or resumes the bot for one conversation, or for all ({@link ConversationControl#ALL}). */
    @Transactional
    public void setPaused(String conversationId, boolean paused, String by) {
        Instant now = clock.instant();
        boolean all = ConversationControl.ALL.equals(conversationId);
        if (!paused && !all && Ticket.openFor(conversationId).isPresent()) {
            throw new ActionRefused(Reason.TICKET_OPEN,
                    "A person owns this conversation; close the ticket to hand it back to the bot");
        }
        ConversationControl control = ConversationControl.set(conversationId, paused, by, now);
        outbox.send(TicketEvents.control(conversationId, control.version,
                paused ? ConversationMode.HUMAN : ConversationMode.BOT, by, paused ? "paused" : "resumed", now));
        if (!all) {
            Ticket.<Ticket>find("conversationId = ?1 order by createdAt desc", conversationId).firstResultOptional()
                    .ifPresent(t -> changes.fire(TicketChanged.of(t.id, paused ? "paused" : "resumed")));
        }
    }
}
