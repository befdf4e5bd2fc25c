package io.casedesk.handoff.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * An agent's private note on a ticket: for the people working it, shown in the inbox's timeline; never a message to
 * the customer (no outbound event, no turn of the conversation).
 */
@Entity
@Table(name = "ticket_notes")
public class TicketNote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public String ticketId;
    /** The agent's or supervisor's sign-in name. */
    public String author;
    public String text;
    public Instant at;

    public TicketNote() {
    }

    public TicketNote(String ticketId, String author, String text, Instant at) {
        this.ticketId = ticketId;
        this.author = author;
        this.text = text;
        this.at = at;
    }

    /** The ticket's notes, oldest first. */
    public static List<TicketNote> of(String ticketId) {
        return list("ticketId = ?1 order by id", ticketId);
    }
}
