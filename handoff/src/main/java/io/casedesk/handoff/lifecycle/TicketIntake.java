package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.mapping.HandoffMapper;
import io.casedesk.handoff.mapping.TicketEvents;
import io.casedesk.handoff.model.CustomerSummary;
import io.casedesk.handoff.model.HistoryTurn;
import io.casedesk.handoff.model.ProcessedEvent;
import io.casedesk.handoff.model.RecentTurn;
import io.casedesk.handoff.model.ReplyTarget;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TriageTags;
import io.casedesk.handoff.service.CustomerLookup;
import io.casedesk.handoff.service.FirmCalendar;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.LanguageTexts;
import io.casedesk.handoff.service.OutgoingEvent;
import io.casedesk.handoff.service.Routing;
import io.casedesk.handoff.service.TicketChanged;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationMode;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.Triage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A handoff request opens a ticket (DESIGN §5): with the customer's triage tags, case summary and the turns before
 * the handoff, in its queue and priority, waiting for an agent, and the bot silent for the conversation. A request
 * for a conversation a person already owns adds its message (and draft) to the open ticket.
 */
@ApplicationScoped
public class TicketIntake {

    private static final Logger LOG = Logger.getLogger(TicketIntake.class);

    /** The consumer's name in the processed-event table. */
    public static final String CONSUMER = "handoff";

    private final TicketOutbox outbox;
    private final CustomerMessages messages;
    private final KnowledgeGaps gaps;
    private final FirmCalendar calendar;
    private final HandoffConfig config;
    private final HandoffMetrics metrics;
    private final Event<TicketChanged> changes;
    private final Clock clock;

    public TicketIntake(TicketOutbox outbox, CustomerMessages messages, KnowledgeGaps gaps, FirmCalendar calendar,
                        HandoffConfig config, HandoffMetrics metrics, Event<TicketChanged> changes, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.gaps = gaps;
        this.calendar = calendar;
        this.config = config;
        this.metrics = metrics;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Opens a ticket for the request, or adds the request's message to the conversation's open ticket; once: the
     * request's event id is recorded in the same transaction.
     *
     * @param customer the writer as case-service knows them, looked up before the transaction
     * @return the ticket id, or {@code null} for a redelivered request
     */
    @Transactional
    public String onHandoff(Envelope<HandoffRequest> request, CustomerLookup.Customer customer) {
        Instant now = clock.instant();
        if (!ProcessedEvent.claim(CONSUMER, request.eventId(), now)) {
            LOG.debugf("Skipped redelivered handoff %s", request.eventId());
            return null;
        }
        InboundMessage inbound = HandoffMapper.inbound(request.payload());
        String inboundId = inbound == null ? null : ReplyTarget.inboundEventId(inbound);
        outbox.send(new OutgoingEvent(Topics.CONVERSATION, HandoffMapper.toTurn(request, now)));
        Ticket open = Ticket.openFor(request.conversationId()).orElse(null);
        String ticketId = open != null ? addTo(open, request.payload(), inbound, inboundId, now)
                : open(request, customer, inbound, inboundId, now);
        // A question the bot had no answer for: a knowledge gap.
        gaps.record(request, ticketId, now);
        return ticketId;
    }

    private String addTo(Ticket open, HandoffRequest handoff, InboundMessage inbound, String inboundId, Instant now) {
        if (inbound != null) {
            messages.add(open, inbound, inboundId, now);
        }
        if (handoff.draftText() != null) {
            open.proposeDraft(handoff.draftText());
        }
        changes.fire(new TicketChanged(open.id, "message", inbound == null ? null : inbound.text(), false));
        return open.id;
    }

    private String open(Envelope<HandoffRequest> request, CustomerLookup.Customer customer, InboundMessage inbound,
                        String inboundId, Instant now) {
        // A new request supersedes an open rating question of the conversation's last ticket.
        Ticket.awaitingRating(request.conversationId()).ifPresent(Ticket::endRatingQuestion);
        Ticket ticket = newTicket(request, customer, inbound, inboundId, now);
        ticket.persist();
        if (inbound != null) {
            messages.add(ticket, inbound, inboundId, now);
        }
        // The bot must not talk while the customer waits for a person.
        outbox.send(TicketEvents.state(ticket, ConversationMode.HUMAN, null, ticket.reason, now));
        FirmCalendar.Settings firm = calendar.settings();
        if (!firm.hours().isOpen(now)
                && outbox.sendSystemText(ticket, LanguageTexts.pick(firm.outOfHoursText(), ticket.language()), now)) {
            ticket.outOfHoursNoticeSent(now);
        }
        metrics.ticketOpened(ticket);
        changes.fire(new TicketChanged(ticket.id, "created", null, ticket.supervisorNotified));
        LOG.infof("Ticket %s opened (%s, priority %d)", ticket.id, ticket.reason, ticket.priority);
        return ticket.id;
    }

    private Ticket newTicket(Envelope<HandoffRequest> request, CustomerLookup.Customer customer, InboundMessage inbound,
                             String inboundId, Instant now) {
        HandoffRequest handoff = request.payload();
        Triage triage = handoff.message() == null ? null : handoff.message().triage();
        String language = triage != null && triage.language() != null ? triage.language()
                : inbound != null ? inbound.languageHint() : null;
        TriageTags tags = triage == null ? new TriageTags(null, null, null, language, null)
                : new TriageTags(lower(triage.intent()), lower(triage.emotion()), lower(triage.urgency()), language,
                        triage.reasons());
        Channel channel = HandoffMapper.channel(request);
        ReplyTarget target = inbound == null ? ReplyTarget.none(channel) : ReplyTarget.of(inbound, inboundId);
        // Out of hours, the wait (and its timeout) starts when the next window opens.
        Instant waitStarts = calendar.settings().hours().nextOpening(now).orElse(now.plus(Duration.ofDays(366)));

        Ticket ticket = new Ticket(EventIds.derive(request.eventId(), "ticket"), request.conversationId(), channel,
                tags, target, now, waitStarts);
        ticket.reason = handoff.reason();
        ticket.queue = Routing.queue(triage == null ? null : triage.intent(), language);
        ticket.priority = Routing.priority(customer.vip(), triage == null ? null : triage.emotion(),
                triage == null ? null : triage.urgency());
        ticket.supervisorNotified = Routing.notifiesSupervisor(ticket.priority);
        ticket.customer = new CustomerSummary(HandoffMapper.identity(inbound),
                customer.customerRef() != null ? customer.customerRef() : handoff.customerRef(),
                customer.name() != null ? customer.name() : inbound == null ? null : inbound.senderName(),
                customer.vip(), customer.cases(), customer.status(), customer.salutation());
        ticket.history = RecentTurn.lastOf(request.conversationId(), config.historyTurns()).stream()
                .map(t -> new HistoryTurn(t.at, t.kind, t.actor, t.text)).toList();
        if (handoff.draftText() != null) {
            ticket.proposeDraft(handoff.draftText());
        }
        ticket.handoffEventId = request.eventId();
        ticket.traceparent = request.traceparent();
        return ticket;
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
