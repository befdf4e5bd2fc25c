package io.casedesk.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One turn of the conversation audit log ({@code cs.conversation.v1}). Written only by
 * {@code ConversationHistory}'s idempotent insert; read through Panache.
 */
@Entity
@Table(name = "conversation_turns")
public class ConversationTurnEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "conversation_id")
    public String conversationId;

    /** The customer, when the event named one or its identity is a verified one of a customer. */
    @Column(name = "customer_ref")
    public String customerRef;

    /** Wire name of the turn kind, e.g. {@code inbound}, {@code answer}. */
    public String kind;

    /** Wire name of the channel: {@code line}, {@code email} or {@code unknown}. */
    public String channel;

    /** The LINE user id or email address the turn was with. */
    public String identity;

    public String actor;

    public String text;

    public String detail;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
