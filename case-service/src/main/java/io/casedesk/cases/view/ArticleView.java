package io.casedesk.cases.view;

import io.casedesk.cases.model.Article;

import java.util.List;

/** An article; {@code origin} is {@code import} or {@code inbox} (published from the agent inbox). */
public record ArticleView(String id, String language, String title, String body, List<String> tags, String origin) {

    public static ArticleView of(Article article) {
        return new ArticleView(article.id, article.language, article.title, article.body, article.tags,
                article.origin);
    }
}
