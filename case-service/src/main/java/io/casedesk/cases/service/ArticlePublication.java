package io.casedesk.cases.service;

import io.casedesk.cases.bundle.BundleProblem;
import io.casedesk.cases.model.ArticleRevision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An article as a supervisor publishes it from the agent inbox ({@code PUT /api/v1/articles/{id}}).
 *
 * @param source where it came from; {@code manual} without reference or name when absent
 */
public record ArticlePublication(
        @Schema(required = true, examples = "zh-Hant", description = "One of the firm's languages") String language,
        @Schema(required = true, maxLength = MAX_TITLE) String title,
        @Schema(required = true, maxLength = MAX_BODY) String body,
        @Schema(maxItems = MAX_TAGS) List<String> tags,
        Source source) {

    /** Article ids as the bundle takes them (non-blank, trimmed), and short enough for a URL path. */
    public static final int MAX_ID = 128;
    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 64;
    /** A gap group id or a supervisor's name. */
    public static final int MAX_SOURCE_TEXT = 200;

    public ArticlePublication {
        tags = tags == null ? List.of() : tags;
    }

    /**
     * @param kind      {@code knowledge_gap} (then {@code reference} is the gap group's id) or {@code manual}
     * @param reference the gap group the article answers
     * @param by        the supervisor who published it
     */
    public record Source(
            @Schema(required = true, enumeration = {ArticleRevision.KNOWLEDGE_GAP, ArticleRevision.MANUAL}) String kind,
            String reference,
            String by) {

        static final Set<String> KINDS = Set.of(ArticleRevision.KNOWLEDGE_GAP, ArticleRevision.MANUAL);
    }

    /** The source kind the revision and the metric record. */
    String sourceKind() {
        return source == null ? ArticleRevision.MANUAL : source.kind();
    }

    /** Every problem of the article under {@code id}, given the firm's languages; empty when it can be published. */
    List<BundleProblem> problems(String id, Collection<String> firmLanguages) {
        List<BundleProblem> problems = new ArrayList<>();
        if (id == null || id.isBlank() || !id.equals(id.trim()) || id.length() > MAX_ID) {
            problems.add(new BundleProblem("id", "must be a non-blank id without surrounding white space, at most "
                    + MAX_ID + " characters"));
        }
        if (language == null || !firmLanguages.contains(language)) {
            problems.add(new BundleProblem("$.language", "must be one of the firm's languages " + firmLanguages));
        }
        text("$.title", title, MAX_TITLE, true, problems);
        text("$.body", body, MAX_BODY, true, problems);
        if (tags.size() > MAX_TAGS) {
            problems.add(new BundleProblem("$.tags", "must have at most " + MAX_TAGS + " tags"));
        }
        for (int i = 0; i < tags.size(); i++) {
            text("$.tags[" + i + "]", tags.get(i), MAX_TAG, true, problems);
        }
        if (source != null) {
            if (source.kind() == null || !Source.KINDS.contains(source.kind())) {
                problems.add(new BundleProblem("$.source.kind", "must be knowledge_gap or manual"));
            }
            text("$.source.reference", source.reference(), MAX_SOURCE_TEXT,
                    ArticleRevision.KNOWLEDGE_GAP.equals(source.kind()), problems);
            text("$.source.by", source.by(), MAX_SOURCE_TEXT, false, problems);
        }
        return problems;
    }

    private static void text(String path, String value, int maxLength, boolean required, List<BundleProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required || value != null) {
                problems.add(new BundleProblem(path, value == null ? "is required" : "must not be blank"));
            }
        } else if (value.length() > maxLength) {
            problems.add(new BundleProblem(path, "must be at most " + maxLength + " characters"));
        }
    }
}
