package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.model.CloseReason;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.service.LanguageTexts;
import io.casedesk.handoff.service.TicketChanged;
import io.casedesk.handoff.service.Timeouts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * What a timeout does to a ticket once it falls due ({@link Timeouts} decides when; the ticket timers look): the
 * waiting notice, the close for inactivity, the end of the rating question. Each checks again in its own transaction,
 * so a ticket that changed meanwhile is left alone.
 */
@ApplicationScoped
public class TicketTimeouts {

    private final TicketOutbox outbox;
    private final TicketClosing closing;
    private final HandoffConfig config;
    private final Event<TicketChanged> changes;
    private final Clock clock;
    private final Timeouts timeouts;

    public TicketTimeouts(TicketOutbox outbox, TicketClosing closing, HandoffConfig config,
                          Event<TicketChanged> changes, Clock clock) {
        this.outbox = outbox;
        this.closing = closing;
        this.config = config;
        this.changes = changes;
        this.clock = clock;
        this.timeouts = new Timeouts(config.waitTimeout(), config.inactivityTimeout());
    }

    /** Tells a customer who has waited {@code wait-timeout} for an agent that they may keep waiting. */
    @Transactional
    public void sendWaitingNotice(String ticketId) {
        Instant now = clock.instant();
        stillDue(ticketId, timeouts::waitingNoticeDue, now).ifPresent(ticket -> {
            ticket.waitingNoticeSent(now);
            outbox.sendSystemText(ticket, LanguageTexts.pick(config.texts().waiting(), ticket.language()), now);
            changes.fire(TicketChanged.of(ticket.id, "notice"));
        });
    }

    /** Closes a conversation the customer left unanswered after the agent's last message. */
    @Transactional
    public void closeInactive(String ticketId) {
        Instant now = clock.instant();
        stillDue(ticketId, timeouts::inactive, now)
                .ifPresent(ticket -> closing.close(ticket, "system", CloseReason.INACTIVITY, now));
    }

    /** The rating question went unanswered: the bot answers again. */
    @Transactional
    public void expireRating(String ticketId) {
        Instant now = clock.instant();
        stillDue(ticketId, timeouts::ratingExpired, now).ifPresent(ticket -> {
            ticket.endRatingQuestion();
            outbox.handBack(ticket, "rating_timeout", now);
            changes.fire(TicketChanged.of(ticket.id, "rating_timeout"));
        });
    }

    /** The ticket, if its timeout is still due: it may have changed since the timers looked. */
    private static Optional<Ticket> stillDue(String ticketId, BiPredicate<Ticket, Instant> due, Instant now) {
        Ticket ticket = Ticket.findById(ticketId);
        return ticket != null && due.test(ticket, now) ? Optional.of(ticket) : Optional.empty();
    }
}
