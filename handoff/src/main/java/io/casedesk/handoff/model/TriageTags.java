package io.casedesk.handoff.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/**
 * The classifier's tags of the handed-off message, lower case ({@code complaint}, {@code angry}, {@code high}), and
 * the conversation's language (BCP 47).
 */
@Embeddable
public record TriageTags(String intent, String emotion, String urgency, String language,
                         @JdbcTypeCode(SqlTypes.JSON) @Column(name = "triage_reasons") List<String> reasons) {

    /** No triage: a request without a classified message. */
    public static final TriageTags NONE = new TriageTags(null, null, null, null, null);
}
