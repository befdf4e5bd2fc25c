package io.casedesk.cases.service;

import io.casedesk.cases.bundle.ImportBundle;
import io.casedesk.cases.bundle.ImportTally;
import io.casedesk.cases.model.Article;
import io.casedesk.cases.model.ArticleRevision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The articles part of an import: each article upserted by id, and each one created or changed recorded as a revision
 * of kind {@code import}. An article published from the agent inbox with an id the bundle lists becomes an imported
 * one again. A bundle with an {@code articles} key holds the firm's whole imported knowledge base, so the stored
 * imported articles it does not hold are removed; articles published from the inbox stay.
 */
final class ArticleImport {

    private ArticleImport() {
    }

    static ImportTally apply(List<ImportBundle.Article> bundleArticles, boolean articlesGiven) {
        ImportTally tally = new ImportTally();
        List<String> ids = bundleArticles.stream().map(ImportBundle.Article::id).toList();
        Map<String, Article> stored = Article.listByIds(ids).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<Article> revised = new ArrayList<>();
        for (ImportBundle.Article data : bundleArticles) {
            ImportedRecord<Article> article = ImportedRecord.upsert(stored.get(data.id()), Article::new,
                    a -> a.takeImported(data));
            tally.count(article.created(), article.changed());
            if (article.created() || article.changed()) {
                revised.add(article.entity());
            }
        }
        if (!revised.isEmpty()) {
            // The revisions refer to their articles: those are written first.
            Article.flush();
            Instant now = Instant.now();
            revised.forEach(article -> ArticleRevision.record(article, ArticleRevision.IMPORT, null, null, now));
        }
        if (articlesGiven) {
            removeArticlesOutside(new HashSet<>(ids), tally);
        }
        return tally;
    }

    private static void removeArticlesOutside(Set<String> kept, ImportTally tally) {
        for (Article stale : Article.listImported()) {
            if (!kept.contains(stale.id)) {
                stale.delete();
                tally.countRemoved();
            }
        }
    }
}
