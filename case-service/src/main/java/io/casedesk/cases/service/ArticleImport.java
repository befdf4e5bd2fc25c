package io.casedesk.cases.service;

import io.casedesk.cases.bundle.ImportBundle;
import io.casedesk.cases.bundle.ImportTally;
import io.casedesk.cases.model.Article;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The articles part of an import: each article upserted by id. A bundle with an {@code articles} key holds the
 * firm's whole knowledge base, so the stored articles it does not hold are removed.
 */
final class ArticleImport {

    private ArticleImport() {
    }

    static ImportTally apply(List<ImportBundle.Article> bundleArticles, boolean articlesGiven) {
        ImportTally tally = new ImportTally();
        List<String> ids = bundleArticles.stream().map(ImportBundle.Article::id).toList();
        Map<String, Article> stored = Article.listByIds(ids).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        for (ImportBundle.Article data : bundleArticles) {
            ImportedRecord<Article> article = ImportedRecord.upsert(stored.get(data.id()), Article::new,
                    a -> a.takeImported(data));
            tally.count(article.created(), article.changed());
        }
        if (articlesGiven) {
            removeArticlesOutside(new HashSet<>(ids), tally);
        }
        return tally;
    }

    private static void removeArticlesOutside(Set<String> kept, ImportTally tally) {
        for (Article stale : Article.<Article>listAll()) {
            if (!kept.contains(stale.id)) {
                stale.delete();
                tally.countRemoved();
            }
        }
    }
}
