package io.casedesk.responder.client;

import java.util.List;

/** A knowledge-base article of the firm. */
public record ArticleView(String id, String language, String title, String body, List<String> tags) {

    public ArticleView {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
