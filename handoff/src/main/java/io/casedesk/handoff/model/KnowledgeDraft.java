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
import java.util.Optional;

/**
 * A drafted FAQ article for a knowledge group in one language: {@code draft} until a supervisor approves it (it is
 * then published to case-service's knowledge base) or rejects it.
 */
@Entity
@Table(name = "knowledge_drafts")
public class KnowledgeDraft extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    /** Built from agents' answers in the gaps' tickets. */
    public static final String FROM_AGENT_REPLY = "agent_reply";
    /** The right answers agents gave for bot answers they marked wrong. */
    public static final String FROM_CORRECTED_ANSWER = "corrected_answer";
    /** The other Chinese script's answers, converted. */
    public static final String CONVERTED = "converted";
    /** Written by the configured language model from the questions and the agents' answers. */
    public static final String MODEL = "model";
    /** The customers' questions with a placeholder for the answer. */
    public static final String SKELETON = "skeleton";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "group_id")
    public long groupId;
    public String language;
    public String title;
    public String body;
    /** Comma-separated. */
    public String tags;
    public String source;
    public String state;
    @Column(name = "edited_by")
    public String editedBy;
    @Column(name = "edited_at")
    public Instant editedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    /** For a model's draft: the group's gap count it was written from (written again when the group grows). */
    public Integer basis;
    /** The knowledge-base article it was published as. */
    @Column(name = "article_id")
    public String articleId;

    public static List<KnowledgeDraft> ofGroup(long groupId) {
        return list("groupId = ?1 order by language", groupId);
    }

    public static Optional<KnowledgeDraft> of(long groupId, String language) {
        return find("groupId = ?1 and language = ?2", groupId, language).firstResultOptional();
    }

    public List<String> tagList() {
        return tags == null || tags.isBlank() ? List.of() : List.of(tags.split(","));
    }
}
