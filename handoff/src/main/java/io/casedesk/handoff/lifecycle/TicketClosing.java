package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.mapping.TicketEvents;
import io.casedesk.handoff.model.CloseReason;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.LanguageTexts;
import io.casedesk.handoff.service.TicketChanged;
import io.casedesk.schema.ConversationMode;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.TurnKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * How a ticket closes, whoever closes it (the customer, an agent, the inactivity timeout): a customer who talked with
 * a person is asked for a rating, and the conversation stays with people until the rating arrives or the question
 * expires; otherwise the bot answers again at once.
 */
@ApplicationScoped
public class TicketClosing {

    private static final Logger LOG = Logger.getLogger(TicketClosing.class);

    private final TicketOutbox outbox;
    private final HandoffConfig config;
    private final HandoffMetrics metrics;
    private final Event<TicketChanged> changes;

    public TicketClosing(TicketOutbox outbox, HandoffConfig config, HandoffMetrics metrics, Event<TicketChanged> changes) {
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
        this.changes = changes;
    }

    /** Closes the ticket, in the caller's transaction. */
    void close(Ticket ticket, String by, CloseReason reason, Instant now) {
        ticket.close(by, reason, now);
        outbox.send(TicketEvents.turn(ticket, EventIds.derive(ticket.id, "closed"), TurnKind.STATE, by, null,
                reason.code(), now));
        String question = LanguageTexts.pick(config.texts().ratingQuestion(), ticket.language());
        if (ticket.rateable() && outbox.sendSystemText(ticket, question, now)) {
            ticket.askForRating(now, config.ratingWindow());
            outbox.send(TicketEvents.state(ticket, ConversationMode.HUMAN, null, "awaiting_rating", now));
        } else {
            outbox.handBack(ticket, reason.code(), now);
        }
        metrics.closed(reason.code());
        changes.fire(TicketChanged.of(ticket.id, "closed"));
        LOG.infof("Ticket %s closed (%s)", ticket.id, reason.code());
    }
}
