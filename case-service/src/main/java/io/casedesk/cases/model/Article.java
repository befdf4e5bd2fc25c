package io.casedesk.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
}
