package io.casedesk.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/**
 * One version of an article: what it said, where it came from ({@link #sourceKind}: a knowledge gap the agent inbox
 * drafted it for, a supervisor's own article, or an import) and when. Numbered from 1 per article; written only while
 * the import lock is held, so numbers do not collide.
 */
@Entity
@Table(name = "article_revisions")
public class ArticleRevision extends PanacheEntityBase {

    public static final String KNOWLEDGE_GAP = "knowledge_gap";
    public static final String MANUAL = "manual";
    public static final String IMPORT = "import";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id")
    public String articleId;

    public int revision;

    public String language;

    public String title;

    public String body;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags;

    @Column(name = "source_kind")
    public String sourceKind;

    @Column(name = "source_reference")
    public String sourceReference;

    @Column(name = "source_by")
    public String sourceBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    /**
     * Records the article as it is now as its next revision. The article must be stored already (flushed): the
     * revision refers to it.
     */
    public static ArticleRevision record(Article article, String sourceKind, String sourceReference, String sourceBy,
                                         Instant publishedAt) {
        ArticleRevision revision = new ArticleRevision();
        revision.articleId = article.id;
        revision.revision = lastRevision(article.id) + 1;
        revision.language = article.language;
        revision.title = article.title;
        revision.body = article.body;
        revision.tags = List.copyOf(article.tags);
        revision.sourceKind = sourceKind;
        revision.sourceReference = sourceReference;
        revision.sourceBy = sourceBy;
        revision.publishedAt = publishedAt;
        revision.persist();
        return revision;
    }

    /** The article's revisions, newest first. */
    public static List<ArticleRevision> listNewestFirst(String articleId) {
        return list("articleId = ?1 order by revision desc", articleId);
    }

    private static int lastRevision(String articleId) {
        Integer last = getEntityManager()
                .createQuery("select max(r.revision) from ArticleRevision r where r.articleId = ?1", Integer.class)
                .setParameter(1, articleId).getSingleResult();
        return last == null ? 0 : last;
    }
}
