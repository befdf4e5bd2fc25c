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
 * A question the bot could not answer: a handoff for {@code no_article} or {@code low_confidence}, a question the
 * customer asked again right after the bot's answer ({@code re_asked}) or whose answer an agent marked wrong
 * ({@code marked_wrong}); the customer's text redacted, joined to a {@link KnowledgeGroup} of questions alike once the grouping worker has embedded it.
 */
@Entity
@Table(name = "knowledge_gaps")
public class KnowledgeGap extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** The event that showed the gap: the handoff request, the re-asking turn, or the feedback. */
    @Column(name = "event_id")
    public String eventId;
    /** The ticket, {@code null} for a question re-asked to the bot. */
    @Column(name = "ticket_id")
    public String ticketId;
    public String reason;
    public String intent;
    /** {@code zh-Hant}, {@code zh-Hans} or {@code en}. */
    public String language;
    /** The customer's text, personal data redacted. */
    public String question;
    @Column(name = "asked_at")
    public Instant askedAt;
    @Column(name = "group_id")
    public Long groupId;
    /** For {@code marked_wrong}: the agent's feedback, whose right answer a draft prefers. */
    @Column(name = "feedback_id")
    public Long feedbackId;

    /** Gaps not yet in a group, oldest first. */
    public static List<KnowledgeGap> ungrouped(int max) {
        return find("groupId is null order by id").page(0, max).list();
    }

    /** A group's gaps, newest first. */
    public static List<KnowledgeGap> ofGroup(long groupId) {
        return list("groupId = ?1 order by askedAt desc, id desc", groupId);
    }
}
