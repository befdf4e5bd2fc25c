package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.model.ActionRefused;
import io.casedesk.handoff.model.ActionRefused.Reason;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketNote;
import io.casedesk.handoff.model.TicketNotFound;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.TicketChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Private notes on a ticket, for the people who work it. A note is kept with the ticket and nothing else: it causes
 * no event, so it never reaches the customer, the audit log or an external helpdesk. Any agent may note on any
 * ticket, open or closed.
 */
@ApplicationScoped
public class TicketNotes {

    /** Longest note. */
    public static final int MAX_NOTE_LENGTH = 2000;

    private final HandoffMetrics metrics;
    private final Event<TicketChanged> changes;
    private final Clock clock;

    public TicketNotes(HandoffMetrics metrics, Event<TicketChanged> changes, Clock clock) {
        this.metrics = metrics;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public TicketNote add(String ticketId, String author, String text) {
        if (text == null || text.isBlank()) {
            throw new ActionRefused(Reason.EMPTY_TEXT, "The note is empty");
        }
        String note = text.strip();
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new ActionRefused(Reason.TEXT_TOO_LONG, "The note is longer than " + MAX_NOTE_LENGTH + " characters");
        }
        if (Ticket.findById(ticketId) == null) {
            throw new TicketNotFound(ticketId);
        }
        TicketNote added = new TicketNote(ticketId, author, note, clock.instant());
        added.persist();
        metrics.noteAdded();
        changes.fire(TicketChanged.of(ticketId, "note"));
        return added;
    }
}
