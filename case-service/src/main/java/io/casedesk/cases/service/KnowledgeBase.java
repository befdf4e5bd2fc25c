package io.casedesk.cases.service;

import io.casedesk.cases.view.ArticleView;
import io.casedesk.cases.model.Article;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The firm's knowledge-base articles. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class KnowledgeBase {

    /**
     * Articles in {@code language} (any when {@code null}) whose title, body or tags contain {@code query}
     * ignoring case (all when {@code null} or blank), ordered by id.
     */
    public List<ArticleView> search(String language, String query) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (language != null && !language.isBlank()) {
            conditions.add("a.language = :language");
            parameters.and("language", language.trim());
        }
        if (query != null && !query.isBlank()) {
            conditions.add("(a.title ilike :pattern escape '\\' or a.body ilike :pattern escape '\\'"
                    + " or array_to_string(a.tags, ' ') ilike :pattern escape '\\')");
            parameters.and("pattern", "%" + escapeLike(query.trim()) + "%");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return Article.<Article>list("from Article a" + where + " order by a.id", parameters).stream()
                .map(ArticleView::of).toList();
    }

    public Optional<ArticleView> article(String id) {
        return Article.<Article>findByIdOptional(id).map(ArticleView::of);
    }

    /** The query taken literally: LIKE wildcards in it match only themselves. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
