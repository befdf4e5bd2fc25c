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

/** A knowledge-base article in one language. */
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

    /** Takes the article from an import bundle; true when any of it changed. */
    public boolean takeImported(ImportBundle.Article data) {
        ChangeTracker changes = new ChangeTracker();
        id = changes.take(id, data.id());
        language = changes.take(language, data.language());
        title = changes.take(title, data.title());
        body = changes.take(body, data.body());
        tags = changes.take(tags, data.tags());
        return changes.changed();
    }

    public static List<Article> listByIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
