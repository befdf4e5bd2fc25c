package io.casedesk.handoff.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A bot pause: for one conversation, or for all ({@link #ALL}). */
@Entity
@Table(name = "conversation_controls")
public class ConversationControl extends PanacheEntityBase {

    /** The conversation id of the global switch, as published on cs.conversation-state.v1. */
    public static final String ALL = "*";

    @Id
    @Column(name = "conversation_id")
    public String conversationId;
    public boolean paused;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;
    /** Counts the changes; each state event id derives from it. */
    public int version;

    /** Pauses or resumes the bot for the conversation (or all); each change counts. */
    public static ConversationControl set(String conversationId, boolean paused, String by, Instant now) {
        ConversationControl control = findById(conversationId);
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
        return control;
    }

    public static boolean isPaused(String conversationId) {
        ConversationControl control = findById(conversationId);
        return control != null && control.paused;
    }
}
