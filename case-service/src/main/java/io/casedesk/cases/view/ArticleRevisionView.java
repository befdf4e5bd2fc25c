package io.casedesk.cases.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.casedesk.cases.model.ArticleRevision;

import java.time.Instant;
import java.util.List;

/**
 * One version of an article: what it said, who published it from which knowledge gap (or that an import brought it),
 * and when.
 */
public record ArticleRevisionView(int revision, String language, String title, String body, List<String> tags,
        Source source, Instant publishedAt) {

    /** {@code kind} is {@code knowledge_gap}, {@code manual} or {@code import}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String kind, String reference, String by) {
    }

    public static ArticleRevisionView of(ArticleRevision revision) {
        return new ArticleRevisionView(revision.revision, revision.language, revision.title, revision.body,
                revision.tags, new Source(revision.sourceKind, revision.sourceReference, revision.sourceBy),
                revision.publishedAt);
    }
}
