package io.casedesk.handoff.model;

import io.casedesk.handoff.model.ActionRefused.Reason;
import io.casedesk.schema.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One handed-off conversation (DESIGN §5). What the ticket is about is set when it opens. Where it is in its life
 * (state, agent, draft, closing, rating and their times) changes only through the transitions below, which enforce
 * the rules:
 *
 * <pre>
 * WAITING ──assignTo──▶ ASSIGNED ──answeredBy──▶ ACTIVE
 *    │                     │                        │
 *    └──────────────── close ───────────────────────┴──▶ CLOSED ──askForRating, rate, endRatingQuestion
 * </pre>
 *
 * An agent's answer to a waiting ticket assigns it first. A closed ticket never opens again: the conversation's next
 * handoff opens a new one.
 */
@Entity
@Table(name = "tickets")
public class Ticket extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "conversation_id")
    public String conversationId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    /** Why the responder handed the conversation over ({@code needs_human}, {@code human_request}, ...). */
    public String reason;
    public String queue;
    public int priority;
    @Column(name = "supervisor_notified")
    public boolean supervisorNotified;
    @Embedded
    public CustomerSummary customer;
    /** The conversation's last turns before the handoff. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<HistoryTurn> history;
    @Column(name = "handoff_event_id")
    public String handoffEventId;
    /** The handed-off message's trace (W3C traceparent), continued by every event the ticket causes. */
    public String traceparent;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Creation, or the next service window when the ticket came in out of hours. */
    @Column(name = "wait_started_at")
    public Instant waitStartedAt;

    @Embedded
    private TriageTags triage;
    @Enumerated(EnumType.STRING)
    private TicketState state;
    private String agent;
    @Column(name = "assigned_at")
    private Instant assignedAt;
    @Column(name = "first_response_at")
    private Instant firstResponseAt;
    @Column(name = "last_agent_message_at")
    private Instant lastAgentMessageAt;
    @Column(name = "last_customer_message_at")
    private Instant lastCustomerMessageAt;
    @Column(name = "waiting_notice_at")
    private Instant waitingNoticeAt;
    @Column(name = "out_of_hours_notice_at")
    private Instant outOfHoursNoticeAt;
    /** Where answers go: the customer's latest reachable message. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reply_target")
    private ReplyTarget replyTarget;
    @Embedded
    private Draft draft;
    @Embedded
    private Closing closing;
    @Embedded
    private Rating rating;
    /** Counts the events this ticket caused; each event id derives from the ticket id and this number. */
    @Column(name = "event_seq")
    private int eventSeq;
    @Version
    private long version;

    protected Ticket() {
    }

    /** A new ticket, waiting for an agent since {@code waitStartedAt}. */
    public Ticket(String id, String conversationId, Channel channel, TriageTags triage, ReplyTarget replyTarget,
                  Instant createdAt, Instant waitStartedAt) {
        this.id = id;
        this.conversationId = conversationId;
        this.channel = channel;
        this.triage = triage;
        this.replyTarget = replyTarget;
        this.createdAt = createdAt;
        this.waitStartedAt = waitStartedAt;
        this.state = TicketState.WAITING;
    }

    // --- queries ---------------------------------------------------------------------------------------

    public static Optional<Ticket> openFor(String conversationId) {
        return find("conversationId = ?1 and state <> ?2", conversationId, TicketState.CLOSED).firstResultOptional();
    }

    /** The latest closed ticket of the conversation whose rating question is still open. */
    public static Optional<Ticket> awaitingRating(String conversationId) {
        return find("conversationId = ?1 and state = ?2 and rating.dueAt is not null and rating.score is null "
                + "order by closing.at desc", conversationId, TicketState.CLOSED).firstResultOptional();
    }

    /**
     * Of these conversations, those with a ticket that {@link #forCustomerMessage} could find: open, or closed with its
     * rating question unanswered (whether the question is still open is the caller's to check).
     */
    public static Set<String> withTicketForCustomerMessages(Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery("select distinct conversationId from Ticket"
                        + " where conversationId in ?1"
                        + " and (state <> ?2 or (rating.dueAt is not null and rating.score is null))", String.class)
                .setParameter(1, conversationIds).setParameter(2, TicketState.CLOSED).getResultList());
    }

    /**
     * What a customer's message may belong to, in one query (most messages belong to neither): the conversation's open
     * ticket, else its latest closed ticket whose rating question is still open.
     */
    public static Optional<Ticket> forCustomerMessage(String conversationId) {
        return find("conversationId = ?1 and (state <> ?2 or (rating.dueAt is not null and rating.score is null)) "
                + "order by case when state <> ?2 then 0 else 1 end, closing.at desc nulls last",
                conversationId, TicketState.CLOSED).firstResultOptional();
    }

    public static List<Ticket> open() {
        return list("state <> ?1 order by priority, waitStartedAt, id", TicketState.CLOSED);
    }

    public static List<Ticket> waiting() {
        return list("state = ?1 order by priority, waitStartedAt, id", TicketState.WAITING);
    }

    public static List<Ticket> latestClosed(int limit) {
        return find("state = ?1 order by closing.at desc", TicketState.CLOSED).page(0, limit).list();
    }

    /** The ticket an agent acts on: it must exist and be open. */
    public static Ticket requireOpen(String id) {
        Ticket ticket = findById(id);
        if (ticket == null) {
            throw new TicketNotFound(id);
        }
        ticket.requireOpen();
        return ticket;
    }

    // --- transitions -----------------------------------------------------------------------------------

    /**
     * Gives the ticket to {@code agent}: a waiting ticket becomes assigned; an assigned or active one changes hands.
     *
     * @return whether the ticket had never been assigned before (the time to agent ends now)
     */
    public boolean assignTo(String agent, Instant now) {
        requireOpen();
        boolean first = assignedAt == null;
        this.agent = agent;
        this.assignedAt = now;
        if (state == TicketState.WAITING) {
            state = TicketState.ASSIGNED;
        }
        return first;
    }

    /** Refuses {@code actor} when another agent owns the ticket, unless the actor supervises. */
    public void requireActor(String actor, boolean supervisor) {
        if (agent != null && !agent.equals(actor) && !supervisor) {
            throw new ActionRefused(Reason.ASSIGNED_TO_OTHER, "This ticket is assigned to " + agent);
        }
    }

    public boolean isAssignedTo(String actor) {
        return actor != null && actor.equals(agent);
    }

    /**
     * The owner's message went to the customer: the conversation is active, and the inactivity timeout counts from
     * now.
     *
     * @return whether it is the first answer (the first response time ends now)
     */
    public boolean answered(Instant now) {
        requireOpen();
        if (agent == null) {
            throw new IllegalStateException("Ticket " + id + " is answered before it is assigned");
        }
        boolean first = firstResponseAt == null;
        if (first) {
            firstResponseAt = now;
        }
        state = TicketState.ACTIVE;
        lastAgentMessageAt = now;
        return first;
    }

    /** The customer wrote; answers go where their latest reachable message came from. */
    public void customerWrote(ReplyTarget from, Instant now) {
        lastCustomerMessageAt = now;
        if (from.reachable()) {
            replyTarget = from;
        }
    }

    /** The responder drafted an answer: it waits for an agent, replacing any earlier draft. */
    public void proposeDraft(String text) {
        draft = Draft.pending(text);
    }

    /** @return the draft's text, to go out as it is */
    public String approveDraft() {
        requirePendingDraft();
        draft = draft.to(DraftState.APPROVED);
        return draft.text();
    }

    /** The draft goes out as the agent edited it. */
    public void editDraft() {
        requirePendingDraft();
        draft = draft.to(DraftState.EDITED);
    }

    public void rejectDraft() {
        requirePendingDraft();
        draft = draft.to(DraftState.REJECTED);
    }

    public void waitingNoticeSent(Instant now) {
        waitingNoticeAt = now;
    }

    public void outOfHoursNoticeSent(Instant now) {
        outOfHoursNoticeAt = now;
    }

    /** @param by {@code customer}, {@code agent:<name>} or {@code system} */
    public void close(String by, CloseReason reason, Instant now) {
        requireOpen();
        state = TicketState.CLOSED;
        closing = new Closing(now, by, reason);
    }

    /** Whether closing asks the customer to rate: they talked with a person, and did not simply go quiet. */
    public boolean rateable() {
        return firstResponseAt != null && closing != null && closing.reason() != CloseReason.INACTIVITY;
    }

    /** Asks the customer of a closed ticket for a rating, which counts for {@code window}. */
    public void askForRating(Instant now, Duration window) {
        if (state != TicketState.CLOSED) {
            throw new IllegalStateException("Ticket " + id + " is rated before it is closed");
        }
        rating = new Rating(now, now.plus(window), null, null);
    }

    /** The customer's answer to the rating question, 1 to 5. */
    public void rate(int score, Instant now) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("A rating is 1 to 5, not " + score);
        }
        if (rating == null || !rating.awaited()) {
            throw new IllegalStateException("Ticket " + id + " awaits no rating");
        }
        rating = new Rating(rating.askedAt(), null, score, now);
    }

    /** The rating question no longer counts: skipped, expired, or superseded by a new handoff. */
    public void endRatingQuestion() {
        if (rating != null) {
            rating = new Rating(rating.askedAt(), null, rating.score(), rating.ratedAt());
        }
    }

    /** The next number of the ticket's event sequence. */
    public int nextSeq() {
        return ++eventSeq;
    }

    private void requireOpen() {
        if (!state.open()) {
            throw new ActionRefused(Reason.TICKET_CLOSED, "This ticket is closed");
        }
    }

    private void requirePendingDraft() {
        if (draft == null || !draft.pending()) {
            throw new ActionRefused(Reason.NO_PENDING_DRAFT, "This ticket has no draft waiting for approval");
        }
    }

    // --- state -----------------------------------------------------------------------------------------

    public TicketState state() {
        return state;
    }

    /** The agent who owns the ticket, {@code null} while it waits. */
    public String agent() {
        return agent;
    }

    public TriageTags triage() {
        return triage != null ? triage : TriageTags.NONE;
    }

    /** The conversation's language (BCP 47), {@code null} when unknown. */
    public String language() {
        return triage().language();
    }

    public ReplyTarget replyTarget() {
        return replyTarget;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant lastAgentMessageAt() {
        return lastAgentMessageAt;
    }

    public Instant lastCustomerMessageAt() {
        return lastCustomerMessageAt;
    }

    public Instant waitingNoticeAt() {
        return waitingNoticeAt;
    }

    public Instant outOfHoursNoticeAt() {
        return outOfHoursNoticeAt;
    }

    /** The responder's draft, {@code null} when there was none. */
    public Draft draft() {
        return draft;
    }

    /** {@code null} while the ticket is open. */
    public Closing closing() {
        return closing;
    }

    /** {@code null} until the customer is asked. */
    public Rating rating() {
        return rating;
    }
}
