package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.mapping.TicketEvents;
import io.casedesk.handoff.model.CloseReason;
import io.casedesk.handoff.model.ProcessedEvent;
import io.casedesk.handoff.model.ReplyTarget;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketAttachment;
import io.casedesk.handoff.model.TicketMessage;
import io.casedesk.handoff.model.TicketState;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.LanguageTexts;
import io.casedesk.handoff.service.RatingParser;
import io.casedesk.handoff.service.TicketChanged;
import io.casedesk.handoff.service.Timeouts;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.TurnKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the customer writes while a person owns the conversation or after: a message joins the open ticket live (a
 * close word closes it), or answers the rating question of the ticket closed last. Messages of conversations without
 * a ticket are not handoff's concern.
 */
@ApplicationScoped
public class CustomerMessages {

    /** The consumer's name in the processed-event table. */
    public static final String CONSUMER = "inbound";

    private final TicketOutbox outbox;
    private final TicketClosing closing;
    private final HandoffConfig config;
    private final HandoffMetrics metrics;
    private final Event<TicketChanged> changes;
    private final Clock clock;
    private final Timeouts timeouts;

    public CustomerMessages(TicketOutbox outbox, TicketClosing closing, HandoffConfig config, HandoffMetrics metrics,
                            Event<TicketChanged> changes, Clock clock) {
        this.outbox = outbox;
        this.closing = closing;
        this.config = config;
        this.metrics = metrics;
        this.changes = changes;
        this.clock = clock;
        this.timeouts = new Timeouts(config.waitTimeout(), config.inactivityTimeout());
    }

    /**
     * Of these conversations, those where a customer's message may join a ticket or answer its rating question: one
     * query for a group of messages, of which most belong to no ticket. {@link #onInbound} checks each again.
     */
    @Transactional
    public Set<String> conversationsWithTicket(Collection<String> conversationIds) {
        return Ticket.withTicketForCustomerMessages(conversationIds);
    }

    /**
     * One customer message, once: the event id is recorded in the change's transaction. Most messages belong to no
     * ticket and change nothing here, so they record nothing either (a redelivery finds nothing to do again).
     */
    @Transactional
    public void onInbound(Envelope<InboundMessage> envelope) {
        InboundMessage inbound = envelope.payload();
        if (!inbound.answerable()) {
            return;
        }
        Instant now = clock.instant();
        Ticket ticket = Ticket.forCustomerMessage(envelope.conversationId()).orElse(null);
        Ticket open = ticket != null && ticket.state() != TicketState.CLOSED ? ticket : null;
        Ticket rated = ticket != null && open == null && timeouts.ratingOpen(ticket, now) ? ticket : null;
        if (open == null && rated == null || !ProcessedEvent.claim(CONSUMER, envelope.eventId(), now)) {
            return;
        }
        if (open != null) {
            boolean added = add(open, inbound, envelope.eventId(), now);
            if (isCloseWord(inbound.text())) {
                closing.close(open, "customer", CloseReason.CUSTOMER_CLOSED, now);
            } else if (added) {
                changes.fire(new TicketChanged(open.id, "message", inbound.text(), false));
            }
            return;
        }
        OptionalInt rating = RatingParser.parse(inbound.text());
        if (rating.isPresent()) {
            recordRating(rated, rating.getAsInt(), envelope.eventId(), now);
        } else {
            // Anything else ends the question: the bot answers again.
            rated.endRatingQuestion();
            outbox.handBack(rated, "rating_skipped", now);
            changes.fire(TicketChanged.of(rated.id, "rating_skipped"));
        }
    }

    /**
     * Adds the customer's message to the ticket, in the caller's transaction; answers go where it came from.
     *
     * @return {@code false} when the message was there already
     */
    boolean add(Ticket ticket, InboundMessage inbound, String sourceEventId, Instant now) {
        if (sourceEventId != null && TicketMessage.hasSource(ticket.id, sourceEventId)) {
            return false;
        }
        String text = inbound.text() != null ? inbound.text()
                : "[" + inbound.kind().name().toLowerCase(Locale.ROOT) + "]";
        TicketMessage.fromCustomer(ticket, text, inbound.receivedAt() != null ? inbound.receivedAt() : now,
                sourceEventId).persist();
        // Only the files' metadata came with the message; AttachmentWorker fetches their bytes after the commit.
        String sourceRef = inbound.email() != null ? inbound.email().messageId()
                : inbound.line() != null ? inbound.line().messageId() : null;
        inbound.attachments().forEach(file -> TicketAttachment.pending(ticket, sourceRef, file, now));
        ticket.customerWrote(ReplyTarget.of(inbound, sourceEventId), now);
        return true;
    }

    private boolean isCloseWord(String text) {
        if (text == null) {
            return false;
        }
        String normalized = text.strip().toLowerCase(Locale.ROOT);
        return config.customerCloseWords().stream().anyMatch(w -> w.strip().toLowerCase(Locale.ROOT).equals(normalized));
    }

    private void recordRating(Ticket ticket, int rating, String sourceEventId, Instant now) {
        ticket.rate(rating, now);
        outbox.send(TicketEvents.turn(ticket, EventIds.derive(sourceEventId, "rating-turn"), TurnKind.OTHER,
                "customer", null, "rating:" + rating, now));
        outbox.sendSystemText(ticket, LanguageTexts.pick(config.texts().ratingThanks(), ticket.language()), now);
        outbox.handBack(ticket, "rated", now);
        metrics.rated(rating);
        changes.fire(TicketChanged.of(ticket.id, "rated"));
    }
}
