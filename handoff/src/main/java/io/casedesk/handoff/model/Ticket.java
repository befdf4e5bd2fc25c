package io.casedesk.handoff.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One handed-off conversation (DESIGN §5). JSON columns hold what agents read but never query. */
@Entity
@Table(name = "tickets")
public class Ticket extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "conversation_id")
    public String conversationId;
    public String channel;
    @Enumerated(EnumType.STRING)
    public TicketState state;
    public String reason;
    public String queue;
    public int priority;
    public String intent;
    public String emotion;
    public String urgency;
    public String language;
    @Column(name = "triage_reasons")
    public String triageReasons;
    public String identity;
    @Column(name = "customer_ref")
    public String customerRef;
    @Column(name = "customer_name")
    public String customerName;
    public boolean vip;
    /** JSON list of the customer's open cases. */
    @Column(name = "case_summary")
    public String caseSummary;
    @Column(name = "case_summary_status")
    public String caseSummaryStatus;
    /** JSON list of the conversation's last turns before the handoff. */
    public String history;
    @Column(name = "draft_text")
    public String draftText;
    @Column(name = "draft_state")
    public String draftState;
    /** JSON: where answers go (see ReplyTarget). */
    @Column(name = "reply_target")
    public String replyTarget;
    @Column(name = "handoff_event_id")
    public String handoffEventId;
    /** The handed-off message's trace (W3C traceparent), continued by every event the ticket causes. */
    public String traceparent;
    public String agent;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Creation, or the next service window when the ticket came in out of hours. */
    @Column(name = "wait_started_at")
    public Instant waitStartedAt;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "first_response_at")
    public Instant firstResponseAt;
    @Column(name = "last_agent_message_at")
    public Instant lastAgentMessageAt;
    @Column(name = "last_customer_message_at")
    public Instant lastCustomerMessageAt;
    @Column(name = "waiting_notice_at")
    public Instant waitingNoticeAt;
    @Column(name = "out_of_hours_notice_at")
    public Instant outOfHoursNoticeAt;
    @Column(name = "supervisor_notified")
    public boolean supervisorNotified;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "close_reason")
    public String closeReason;
    @Column(name = "rating_requested_at")
    public Instant ratingRequestedAt;
    @Column(name = "rating_due_at")
    public Instant ratingDueAt;
    public Integer rating;
    @Column(name = "rated_at")
    public Instant ratedAt;
    /** Counts the events this ticket caused; each event id derives from the ticket id and this number. */
    @Column(name = "event_seq")
    public int eventSeq;
    @Version
    public long version;

    public static Optional<Ticket> openFor(String conversationId) {
        return find("conversationId = ?1 and state <> ?2", conversationId, TicketState.CLOSED).firstResultOptional();
    }

    /** The latest closed ticket of the conversation whose rating question is still open. */
    public static Optional<Ticket> awaitingRating(String conversationId) {
        return find("conversationId = ?1 and state = ?2 and ratingDueAt is not null and rating is null "
                + "order by closedAt desc", conversationId, TicketState.CLOSED).firstResultOptional();
    }

    public static List<Ticket> open() {
        return list("state <> ?1 order by priority, waitStartedAt, id", TicketState.CLOSED);
    }

    public static List<Ticket> waiting() {
        return list("state = ?1 order by priority, waitStartedAt, id", TicketState.WAITING);
    }

    public int nextSeq() {
        return ++eventSeq;
    }
}
