package io.casedesk.handoff.model;

import io.casedesk.schema.Attachment;
import io.casedesk.schema.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A file the customer sent in a ticket's conversation: the metadata of the inbound message and, once fetched from the
 * ingress that received it, its bytes. {@code content} is loaded only when read (a ticket's list never carries it).
 */
@Entity
@Table(name = "ticket_attachments")
public class TicketAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "conversation_id")
    public String conversationId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    /** Where the ingress finds the message: the LINE message id, the mail's {@code Message-ID}. */
    @Column(name = "source_ref")
    public String sourceRef;
    /** The channel's id of the file: the LINE message id, the MIME part path. */
    @Column(name = "channel_id")
    public String channelId;
    public String kind;
    public String name;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;
    @Enumerated(EnumType.STRING)
    public AttachmentState state;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "stored_at")
    public Instant storedAt;
    @Column(name = "purged_at")
    public Instant purgedAt;

    /** What the inbox lists of a ticket's files: everything but the bytes. */
    public record Listed(long id, String kind, String name, String mediaType, Long sizeBytes, AttachmentState state,
                         Instant receivedAt, Instant storedAt) {
    }

    /** A file of the customer's message, to be fetched at once; in the caller's transaction, once per ticket. */
    public static void pending(Ticket ticket, String sourceRef, Attachment attachment, Instant at) {
        if (sourceRef == null || attachment.id() == null || count("ticketId = ?1 and sourceRef = ?2 and channelId = ?3",
                ticket.id, sourceRef, attachment.id()) > 0) {
            return;
        }
        TicketAttachment row = new TicketAttachment();
        row.ticketId = ticket.id;
        row.conversationId = ticket.conversationId;
        row.channel = ticket.channel;
        row.sourceRef = sourceRef;
        row.channelId = attachment.id();
        row.kind = attachment.kind();
        row.name = attachment.name();
        row.mediaType = attachment.mediaType();
        row.sizeBytes = attachment.sizeBytes();
        row.state = AttachmentState.PENDING;
        row.receivedAt = at;
        row.nextAttemptAt = at;
        row.persist();
    }

    public static List<Listed> of(String ticketId) {
        return find("ticketId = ?1 order by id", ticketId).project(Listed.class).list();
    }
}
