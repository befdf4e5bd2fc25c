package io.casedesk.cases.view;

import io.casedesk.cases.model.Article;

import java.util.List;

public record ArticleView(String id, String language, String title, String body, List<String> tags) {

    public static ArticleView of(Article article) {
        return new ArticleView(article.id, article.language, article.title, article.body, article.tags);
    }
}
