package io.casedesk.handoff.client;

import java.util.List;

/**
 * An FAQ article as handoff publishes it to case-service's knowledge base ({@code PUT /api/v1/articles/{id}}), with
 * where it came from.
 */
public record ArticleRequest(String language, String title, String body, List<String> tags, Source source) {

    /** {@code kind} {@code knowledge_gap}, {@code reference} the gap group's id, {@code by} the supervisor. */
    public record Source(String kind, String reference, String by) {
    }
}
