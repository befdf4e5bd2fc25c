package io.casedesk.handoff.model;

import io.casedesk.schema.EventIds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One message of a ticket: the customer's, an agent's, or a fixed text of the system. */
@Entity
@Table(name = "ticket_messages")
public class TicketMessage extends PanacheEntityBase {

    public static final String CUSTOMER = "customer";
    public static final String AGENT = "agent";
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public String ticketId;
    public int seq;
    /** {@code customer}, {@code agent:<name>} or {@code system}. */
    public String author;
    /** {@link #CUSTOMER}, {@link #AGENT} or {@link #SYSTEM}. */
    public String kind;
    public String text;
    public Instant at;
    /** For customer messages: the inbound event, so a message arrives once. */
    @Column(name = "source_event_id")
    public String sourceEventId;
    /** For messages to the customer: the outbound event, to match delivery reports. */
    @Column(name = "outbound_event_id")
    public String outboundEventId;
    @Column(name = "delivery_status")
    public String deliveryStatus;
    @Column(name = "delivery_detail")
    public String deliveryDetail;

    /** The customer's message, numbered in the ticket's event sequence. */
    public static TicketMessage fromCustomer(Ticket ticket, String text, Instant at, String sourceEventId) {
        TicketMessage message = numbered(ticket, CUSTOMER, CUSTOMER, text, at);
        message.sourceEventId = sourceEventId;
        return message;
    }

    /**
     * A message to the customer, an agent's or a fixed text of the system; its outbound event id derives from the
     * ticket and the message's number, and delivery reports name it.
     */
    public static TicketMessage toCustomer(Ticket ticket, String author, String kind, String text, Instant at) {
        TicketMessage message = numbered(ticket, author, kind, text, at);
        message.outboundEventId = EventIds.derive(ticket.id, "message-" + message.seq);
        return message;
    }

    private static TicketMessage numbered(Ticket ticket, String author, String kind, String text, Instant at) {
        TicketMessage message = new TicketMessage();
        message.ticketId = ticket.id;
        message.seq = ticket.nextSeq();
        message.author = author;
        message.kind = kind;
        message.text = text;
        message.at = at;
        return message;
    }

    public static List<TicketMessage> of(String ticketId) {
        return list("ticketId = ?1 order by seq", ticketId);
    }

    public static boolean hasSource(String ticketId, String sourceEventId) {
        return count("ticketId = ?1 and sourceEventId = ?2", ticketId, sourceEventId) > 0;
    }
}
