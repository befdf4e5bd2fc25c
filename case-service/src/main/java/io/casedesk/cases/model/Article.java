package io.casedesk.cases.model;

import io.casedesk.cases.bundle.ImportBundle;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Collection;
import java.util.List;

/**
 * A knowledge-base article in one language, imported or published from the agent inbox ({@link #origin}). Its
 * versions are kept as {@link ArticleRevision}s.
 */
@Entity
@Table(name = "articles")
public class Article extends PanacheEntityBase {

    /** The bundle's article id, e.g. {@code kb-office-hours-zh-hant}. */
    @Id
    public String id;

    public String language;

    public String title;

    public String body;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags;

    /** {@link #IMPORTED} or {@link #FROM_INBOX}: an import removes only imported articles it no longer has. */
    public String origin;

    public static final String IMPORTED = "import";
    public static final String FROM_INBOX = "inbox";

    /** Takes the article from an import bundle; true when any of it changed. */
    public boolean takeImported(ImportBundle.Article data) {
        ChangeTracker changes = new ChangeTracker();
        id = changes.take(id, data.id());
        language = changes.take(language, data.language());
        title = changes.take(title, data.title());
        body = changes.take(body, data.body());
        tags = changes.take(tags, data.tags());
        origin = changes.take(origin, IMPORTED);
        return changes.changed();
    }

    /** Takes the article as a supervisor published it from the agent inbox. */
    public void takePublished(String articleId, String language, String title, String body, List<String> tags) {
        this.id = articleId;
        this.language = language;
        this.title = title;
        this.body = body;
        this.tags = List.copyOf(tags);
        this.origin = FROM_INBOX;
    }

    public static List<Article> listImported() {
        return list("origin", IMPORTED);
    }

    public static List<Article> listByIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
