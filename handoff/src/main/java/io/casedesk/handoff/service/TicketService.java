package io.casedesk.handoff.service;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.mapping.HandoffMapper;
import io.casedesk.handoff.mapping.HistoryTurn;
import io.casedesk.handoff.mapping.Json;
import io.casedesk.handoff.mapping.ReplyTarget;
import io.casedesk.handoff.mapping.TicketEvents;
import io.casedesk.handoff.messaging.EventPublisher;
import io.casedesk.handoff.model.ConversationControl;
import io.casedesk.handoff.model.ProcessedEvent;
import io.casedesk.handoff.model.RecentTurn;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketMessage;
import io.casedesk.handoff.model.TicketState;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.ConversationMode;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Triage;
import io.casedesk.schema.TurnKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The life of a ticket (DESIGN §5): opened by a handoff request, fed by the customer's messages, assigned,
 * answered and closed by agents or timeouts, rated by the customer. Each method is one transaction that
 * records the change, publishes the events it causes (waiting for the broker) and, for consumed events,
 * records the event id, so a redelivered record or a retried request changes nothing twice.
 */
@ApplicationScoped
public class TicketService {

    private static final Logger LOG = Logger.getLogger(TicketService.class);

    /** Consumer names in the processed-event table. */
    public static final String HANDOFF_CONSUMER = "handoff";
    public static final String INBOUND_CONSUMER = "inbound";

    /** Longest text an agent may send at once (one LINE bubble). */
    public static final int MAX_REPLY_LENGTH = 5000;

    private final EventPublisher publisher;
    private final FirmCalendar calendar;
    private final HandoffConfig config;
    private final HandoffMetrics metrics;
    private final Event<TicketChanged> changes;
    private final Clock clock;
    private final Timeouts timeouts;

    public TicketService(EventPublisher publisher, FirmCalendar calendar, HandoffConfig config, HandoffMetrics metrics,
                         Event<TicketChanged> changes, Clock clock) {
        this.publisher = publisher;
        this.calendar = calendar;
        this.config = config;
        this.metrics = metrics;
        this.changes = changes;
        this.clock = clock;
        this.timeouts = new Timeouts(config.waitTimeout(), config.inactivityTimeout());
    }

    /** Why an agent's action cannot be done; the inbox shows the code. */
    public static class ActionRefused extends RuntimeException {
        private final String code;

        public ActionRefused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** No such ticket. */
    public static class TicketNotFound extends RuntimeException {
        public TicketNotFound(String id) {
            super("No ticket " + id);
        }
    }

    // --- handoff requests ------------------------------------------------------------------------------

    /**
     * Opens a ticket for the request, or adds the request's message to the conversation's open ticket.
     *
     * @return the ticket id, or {@code null} for a redelivered request
     */
    @Transactional
    public String onHandoff(Envelope<HandoffRequest> request, CustomerLookup.Customer customer) {
        Instant now = clock.instant();
        if (!ProcessedEvent.claim(HANDOFF_CONSUMER, request.eventId(), now)) {
            LOG.debugf("Skipped redelivered handoff %s", request.eventId());
            return null;
        }
        HandoffRequest handoff = request.payload();
        InboundMessage inbound = handoff.message() == null ? null : handoff.message().inbound();
        String inboundId = inbound == null ? null : ReplyTarget.inboundEventId(inbound);
        List<OutgoingEvent> events = new ArrayList<>();
        events.add(new OutgoingEvent(io.casedesk.schema.Topics.CONVERSATION, HandoffMapper.toTurn(request, now)));

        Ticket open = Ticket.openFor(request.conversationId()).orElse(null);
        if (open != null) {
            if (inbound != null) {
                addCustomerMessage(open, inbound, inboundId, now);
            }
            if (handoff.draftText() != null) {
                open.draftText = handoff.draftText();
                open.draftState = "pending";
            }
            publisher.publishAll(events);
            changes.fire(new TicketChanged(open.id, "message", inbound == null ? null : inbound.text(), false));
            return open.id;
        }

        // A new request supersedes an open rating question of the conversation's last ticket.
        Ticket.awaitingRating(request.conversationId()).ifPresent(previous -> previous.ratingDueAt = null);
        Ticket ticket = newTicket(request, customer, inbound, inboundId, now);
        ticket.persist();
        if (inbound != null) {
            addCustomerMessage(ticket, inbound, inboundId, now);
        }
        // The bot must not talk while the customer waits for a person.
        events.add(TicketEvents.state(ticket, ConversationMode.HUMAN, null, handoff.reason(), now));
        FirmCalendar.Settings firm = calendar.settings();
        if (!firm.hours().isOpen(now)) {
            String text = LanguageTexts.pick(firm.outOfHoursText(), ticket.language);
            if (text != null && target(ticket).reachable()) {
                events.addAll(systemText(ticket, text, now));
                ticket.outOfHoursNoticeAt = now;
            }
        }
        publisher.publishAll(events);
        metrics.ticketOpened(ticket);
        changes.fire(new TicketChanged(ticket.id, "created", null, ticket.supervisorNotified));
        LOG.infof("Ticket %s opened (%s, priority %d)", ticket.id, ticket.reason, ticket.priority);
        return ticket.id;
    }

    private Ticket newTicket(Envelope<HandoffRequest> request, CustomerLookup.Customer customer, InboundMessage inbound,
                             String inboundId, Instant now) {
        HandoffRequest handoff = request.payload();
        Triage triage = handoff.message() == null ? null : handoff.message().triage();
        Ticket ticket = new Ticket();
        ticket.id = EventIds.derive(request.eventId(), "ticket");
        ticket.conversationId = request.conversationId();
        ticket.channel = HandoffMapper.channel(request).name();
        ticket.state = TicketState.WAITING;
        ticket.reason = handoff.reason();
        ticket.intent = triage == null || triage.intent() == null ? null : triage.intent().name().toLowerCase(Locale.ROOT);
        ticket.emotion = triage == null || triage.emotion() == null ? null : triage.emotion().name().toLowerCase(Locale.ROOT);
        ticket.urgency = triage == null || triage.urgency() == null ? null : triage.urgency().name().toLowerCase(Locale.ROOT);
        ticket.language = triage != null && triage.language() != null ? triage.language()
                : inbound != null ? inbound.languageHint() : null;
        ticket.triageReasons = triage == null ? null : Json.write(triage.reasons());
        ticket.queue = Routing.queue(triage == null ? null : triage.intent(), ticket.language);
        ticket.identity = inbound == null ? null
                : inbound.email() != null && inbound.email().from() != null ? inbound.email().from() : inbound.senderId();
        ticket.customerRef = customer.customerRef() != null ? customer.customerRef() : handoff.customerRef();
        ticket.customerName = customer.name() != null ? customer.name() : inbound == null ? null : inbound.senderName();
        ticket.vip = customer.vip();
        ticket.priority = Routing.priority(ticket.vip, triage == null ? null : triage.emotion(),
                triage == null ? null : triage.urgency());
        ticket.supervisorNotified = Routing.notifiesSupervisor(ticket.priority);
        ticket.caseSummary = Json.write(customer.cases());
        ticket.caseSummaryStatus = customer.status().name().toLowerCase(Locale.ROOT);
        ticket.history = Json.write(RecentTurn.lastOf(request.conversationId(), config.historyTurns()).stream()
                .map(t -> new HistoryTurn(t.at, t.kind, t.actor, t.text)).toList());
        ticket.draftText = handoff.draftText();
        ticket.draftState = handoff.draftText() == null ? null : "pending";
        ticket.replyTarget = Json.write(inbound == null ? new ReplyTarget(HandoffMapper.channel(request), null, null,
                null, null, null, null, null, List.of(), null, null) : ReplyTarget.of(inbound, inboundId));
        ticket.handoffEventId = request.eventId();
        ticket.traceparent = request.traceparent();
        ticket.createdAt = now;
        ServiceHours hours = calendar.settings().hours();
        // Out of hours, the wait (and its timeout) starts when the next window opens.
        ticket.waitStartedAt = hours.nextOpening(now).orElse(now.plus(Duration.ofDays(366)));
        return ticket;
    }

    // --- customer messages -----------------------------------------------------------------------------

    /**
     * A customer's message: added to the conversation's open ticket (a close word closes it), or read as the
     * rating of the ticket closed last. Messages of conversations without a ticket are not handoff's concern.
     */
    @Transactional
    public void onInbound(Envelope<InboundMessage> envelope) {
        InboundMessage inbound = envelope.payload();
        Instant now = clock.instant();
        if (!ProcessedEvent.claim(INBOUND_CONSUMER, envelope.eventId(), now)) {
            return;
        }
        if (!inbound.answerable()) {
            return;
        }
        Ticket open = Ticket.openFor(envelope.conversationId()).orElse(null);
        if (open != null) {
            if (isCloseWord(inbound.text())) {
                addCustomerMessage(open, inbound, envelope.eventId(), now);
                close(open, "customer", "customer_closed", now);
                return;
            }
            if (addCustomerMessage(open, inbound, envelope.eventId(), now)) {
                changes.fire(new TicketChanged(open.id, "message", inbound.text(), false));
            }
            return;
        }
        Ticket rated = Ticket.awaitingRating(envelope.conversationId()).orElse(null);
        if (rated != null && timeouts.ratingOpen(rated, now)) {
            OptionalInt rating = RatingParser.parse(inbound.text());
            if (rating.isPresent()) {
                recordRating(rated, rating.getAsInt(), envelope.eventId(), now);
            } else {
                // Anything else ends the question: the bot answers again.
                rated.ratingDueAt = null;
                publisher.publishAll(List.of(releaseState(rated, "rating_skipped", now)));
                changes.fire(TicketChanged.of(rated.id, "rating_skipped"));
            }
        }
    }

    private boolean isCloseWord(String text) {
        if (text == null) {
            return false;
        }
        String normalized = text.strip().toLowerCase(Locale.ROOT);
        return config.customerCloseWords().stream().anyMatch(w -> w.strip().toLowerCase(Locale.ROOT).equals(normalized));
    }

    /** @return {@code false} when the message was there already */
    private boolean addCustomerMessage(Ticket ticket, InboundMessage inbound, String sourceEventId, Instant now) {
        if (sourceEventId != null && TicketMessage.hasSource(ticket.id, sourceEventId)) {
            return false;
        }
        TicketMessage message = new TicketMessage();
        message.ticketId = ticket.id;
        message.seq = ticket.nextSeq();
        message.author = TicketMessage.CUSTOMER;
        message.kind = TicketMessage.CUSTOMER;
        message.text = inbound.text() != null ? inbound.text() : "[" + inbound.kind().name().toLowerCase(Locale.ROOT) + "]";
        message.at = inbound.receivedAt() != null ? inbound.receivedAt() : now;
        message.sourceEventId = sourceEventId;
        message.persist();
        ticket.lastCustomerMessageAt = now;
        ReplyTarget target = ReplyTarget.of(inbound, sourceEventId);
        if (target.reachable()) {
            ticket.replyTarget = Json.write(target);
        }
        return true;
    }

    private void recordRating(Ticket ticket, int rating, String sourceEventId, Instant now) {
        ticket.rating = rating;
        ticket.ratedAt = now;
        ticket.ratingDueAt = null;
        List<OutgoingEvent> events = new ArrayList<>();
        events.add(TicketEvents.turn(ticket, EventIds.derive(sourceEventId, "rating-turn"), TurnKind.OTHER, "customer",
                null, "rating:" + rating, now));
        String thanks = LanguageTexts.pick(config.texts().ratingThanks(), ticket.language);
        if (thanks != null && target(ticket).reachable()) {
            events.addAll(systemText(ticket, thanks, now));
        }
        events.add(releaseState(ticket, "rated", now));
        publisher.publishAll(events);
        metrics.rated(rating);
        changes.fire(TicketChanged.of(ticket.id, "rated"));
    }

    // --- agents ----------------------------------------------------------------------------------------

    /** The agent takes a ticket: a waiting one, or (a supervisor) one assigned to someone else. */
    @Transactional
    public void take(String ticketId, String agent, boolean supervisor) {
        Ticket ticket = openTicket(ticketId);
        if (agent.equals(ticket.agent)) {
            return;
        }
        if (ticket.agent != null && !supervisor) {
            throw new ActionRefused("assigned_to_other", "This ticket is assigned to " + ticket.agent);
        }
        assign(ticket, agent, clock.instant());
    }

    /** Assigns a waiting ticket to an agent (routing or the agent's own choice). */
    @Transactional
    public boolean assignIfWaiting(String ticketId, String agent) {
        Ticket ticket = Ticket.findById(ticketId);
        if (ticket == null || ticket.state != TicketState.WAITING) {
            return false;
        }
        assign(ticket, agent, clock.instant());
        return true;
    }

    private void assign(Ticket ticket, String agent, Instant now) {
        boolean first = ticket.assignedAt == null;
        ticket.agent = agent;
        ticket.assignedAt = now;
        if (ticket.state == TicketState.WAITING) {
            ticket.state = TicketState.ASSIGNED;
        }
        publisher.publishAll(List.of(TicketEvents.state(ticket, ConversationMode.HUMAN, agent, "assigned", now)));
        if (first) {
            metrics.timeToAgent(Duration.between(ticket.createdAt, now));
        }
        changes.fire(TicketChanged.of(ticket.id, "assigned"));
    }

    /** An agent's message to the customer, on their channel. */
    @Transactional
    public void reply(String ticketId, String agent, boolean supervisor, String text) {
        sendAsAgent(ticketId, agent, supervisor, text, AnswerKind.AGENT);
    }

    /** The responder's draft goes out as it is. */
    @Transactional
    public void approveDraft(String ticketId, String agent, boolean supervisor) {
        Ticket ticket = openTicket(ticketId);
        requirePendingDraft(ticket);
        String text = ticket.draftText;
        ticket.draftState = "approved";
        sendAsAgent(ticketId, agent, supervisor, text, AnswerKind.APPROVED_DRAFT);
    }

    /** The responder's draft goes out as the agent edited it. */
    @Transactional
    public void editDraft(String ticketId, String agent, boolean supervisor, String text) {
        Ticket ticket = openTicket(ticketId);
        requirePendingDraft(ticket);
        ticket.draftState = "edited";
        sendAsAgent(ticketId, agent, supervisor, text, AnswerKind.APPROVED_DRAFT);
    }

    @Transactional
    public void rejectDraft(String ticketId, String agent, boolean supervisor) {
        Ticket ticket = openTicket(ticketId);
        requirePendingDraft(ticket);
        requireOwner(ticket, agent, supervisor);
        ticket.draftState = "rejected";
        Instant now = clock.instant();
        publisher.publishAll(List.of(TicketEvents.turn(ticket, EventIds.derive(ticket.id, "draft-rejected-" + ticket.nextSeq()),
                TurnKind.DRAFT, "agent:" + agent, null, "rejected", now)));
        changes.fire(TicketChanged.of(ticket.id, "draft"));
    }

    private void requirePendingDraft(Ticket ticket) {
        if (ticket.draftText == null || !"pending".equals(ticket.draftState)) {
            throw new ActionRefused("no_pending_draft", "This ticket has no draft waiting for approval");
        }
    }

    private void sendAsAgent(String ticketId, String agent, boolean supervisor, String text, AnswerKind kind) {
        if (text == null || text.isBlank()) {
            throw new ActionRefused("empty_text", "The message is empty");
        }
        if (text.length() > MAX_REPLY_LENGTH) {
            throw new ActionRefused("text_too_long", "The message is longer than " + MAX_REPLY_LENGTH + " characters");
        }
        Ticket ticket = openTicket(ticketId);
        Instant now = clock.instant();
        if (ticket.agent == null) {
            assign(ticket, agent, now);
        } else {
            requireOwner(ticket, agent, supervisor);
        }
        ReplyTarget target = target(ticket);
        if (!target.reachable()) {
            throw new ActionRefused("unreachable", "This conversation has no channel address to answer to");
        }
        TicketMessage message = newMessage(ticket, "agent:" + agent, TicketMessage.AGENT, text.strip(), now);
        List<OutgoingEvent> events = TicketEvents.toCustomer(ticket, target, message.outboundEventId, message.text, kind,
                "agent:" + agent, now);
        if (ticket.firstResponseAt == null) {
            ticket.firstResponseAt = now;
            metrics.firstResponse(Duration.between(ticket.createdAt, now));
        }
        ticket.state = TicketState.ACTIVE;
        ticket.lastAgentMessageAt = now;
        publisher.publishAll(events);
        changes.fire(TicketChanged.of(ticket.id, "reply"));
    }

    private void requireOwner(Ticket ticket, String agent, boolean supervisor) {
        if (ticket.agent != null && !ticket.agent.equals(agent) && !supervisor) {
            throw new ActionRefused("assigned_to_other", "This ticket is assigned to " + ticket.agent);
        }
    }

    /** An agent (or the helpdesk) closes the ticket. */
    @Transactional
    public void closeByAgent(String ticketId, String agent, boolean supervisor) {
        Ticket ticket = openTicket(ticketId);
        requireOwner(ticket, agent, supervisor);
        close(ticket, "agent:" + agent, "agent_closed", clock.instant());
    }

    /**
     * Closes the ticket. A customer who talked with a person is asked for a rating, and the conversation
     * stays with people until the rating arrives or the question expires; otherwise the bot answers again.
     */
    void close(Ticket ticket, String by, String reason, Instant now) {
        ticket.state = TicketState.CLOSED;
        ticket.closedAt = now;
        ticket.closedBy = by;
        ticket.closeReason = reason;
        List<OutgoingEvent> events = new ArrayList<>();
        events.add(TicketEvents.turn(ticket, EventIds.derive(ticket.id, "closed"), TurnKind.STATE, by, null, reason, now));
        String question = LanguageTexts.pick(config.texts().ratingQuestion(), ticket.language);
        boolean askRating = ticket.firstResponseAt != null && !"inactivity".equals(reason) && question != null
                && target(ticket).reachable();
        if (askRating) {
            events.addAll(systemText(ticket, question, now));
            ticket.ratingRequestedAt = now;
            ticket.ratingDueAt = now.plus(config.ratingWindow());
            events.add(TicketEvents.state(ticket, ConversationMode.HUMAN, null, "awaiting_rating", now));
        } else {
            events.add(releaseState(ticket, reason, now));
        }
        publisher.publishAll(events);
        metrics.closed(reason);
        changes.fire(TicketChanged.of(ticket.id, "closed"));
        LOG.infof("Ticket %s closed (%s)", ticket.id, reason);
    }

    /** Back to the bot, unless the bot is paused for the conversation. */
    private OutgoingEvent releaseState(Ticket ticket, String reason, Instant now) {
        if (ConversationControl.isPaused(ticket.conversationId)) {
            return TicketEvents.state(ticket, ConversationMode.HUMAN, null, "paused", now);
        }
        return TicketEvents.state(ticket, ConversationMode.BOT, null, reason, now);
    }

    // --- timeouts --------------------------------------------------------------------------------------

    /** Tells a customer who has waited {@code wait-timeout} for an agent that they may keep waiting. */
    @Transactional
    public void sendWaitingNotice(String ticketId) {
        Ticket ticket = Ticket.findById(ticketId);
        Instant now = clock.instant();
        if (ticket == null || !timeouts.waitingNoticeDue(ticket, now)) {
            return;
        }
        String text = LanguageTexts.pick(config.texts().waiting(), ticket.language);
        ticket.waitingNoticeAt = now;
        if (text != null && target(ticket).reachable()) {
            publisher.publishAll(systemText(ticket, text, now));
        }
        changes.fire(TicketChanged.of(ticket.id, "notice"));
    }

    /** Closes a conversation the customer left unanswered after the agent's last message. */
    @Transactional
    public void closeInactive(String ticketId) {
        Ticket ticket = Ticket.findById(ticketId);
        Instant now = clock.instant();
        if (ticket == null || !timeouts.inactive(ticket, now)) {
            return;
        }
        close(ticket, "system", "inactivity", now);
    }

    /** The rating question went unanswered: the bot answers again. */
    @Transactional
    public void expireRating(String ticketId) {
        Ticket ticket = Ticket.findById(ticketId);
        Instant now = clock.instant();
        if (ticket == null || !timeouts.ratingExpired(ticket, now)) {
            return;
        }
        ticket.ratingDueAt = null;
        publisher.publishAll(List.of(releaseState(ticket, "rating_timeout", now)));
        changes.fire(TicketChanged.of(ticket.id, "rating_timeout"));
    }

    // --- pause switches --------------------------------------------------------------------------------

    /** Pauses or resumes the bot for one conversation, or for all ({@link ConversationControl#ALL}). */
    @Transactional
    public void setPaused(String conversationId, boolean paused, String by) {
        Instant now = clock.instant();
        boolean all = ConversationControl.ALL.equals(conversationId);
        if (!paused && !all && Ticket.openFor(conversationId).isPresent()) {
            throw new ActionRefused("ticket_open", "A person owns this conversation; close the ticket to hand it back to the bot");
        }
        ConversationControl control = ConversationControl.findById(conversationId);
        boolean created = control == null;
        if (created) {
            control = new ConversationControl();
            control.conversationId = conversationId;
        }
        control.paused = paused;
        control.changedBy = by;
        control.changedAt = now;
        control.version++;
        if (created) {
            control.persist();
        }
        publisher.publishAll(List.of(TicketEvents.control(conversationId, control.version,
                paused ? ConversationMode.HUMAN : ConversationMode.BOT, by, paused ? "paused" : "resumed", now)));
        if (!all) {
            Ticket.<Ticket>find("conversationId = ?1 order by createdAt desc", conversationId).firstResultOptional()
                    .ifPresent(t -> changes.fire(TicketChanged.of(t.id, paused ? "paused" : "resumed")));
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private Ticket openTicket(String ticketId) {
        Ticket ticket = Ticket.findById(ticketId);
        if (ticket == null) {
            throw new TicketNotFound(ticketId);
        }
        if (!ticket.state.open()) {
            throw new ActionRefused("ticket_closed", "This ticket is closed");
        }
        return ticket;
    }

    private static ReplyTarget target(Ticket ticket) {
        return Json.read(ticket.replyTarget, ReplyTarget.class);
    }

    private TicketMessage newMessage(Ticket ticket, String author, String kind, String text, Instant now) {
        TicketMessage message = new TicketMessage();
        message.ticketId = ticket.id;
        message.seq = ticket.nextSeq();
        message.author = author;
        message.kind = kind;
        message.text = text;
        message.at = now;
        message.outboundEventId = EventIds.derive(ticket.id, "message-" + message.seq);
        message.persist();
        return message;
    }

    /** A fixed text of the system to the customer, kept with the ticket. */
    private List<OutgoingEvent> systemText(Ticket ticket, String text, Instant now) {
        TicketMessage message = newMessage(ticket, TicketMessage.SYSTEM, TicketMessage.SYSTEM, text, now);
        return TicketEvents.toCustomer(ticket, target(ticket), message.outboundEventId, text, AnswerKind.SYSTEM,
                "system", now);
    }
}
