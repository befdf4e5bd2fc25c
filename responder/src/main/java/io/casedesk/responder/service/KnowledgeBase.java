package io.casedesk.responder.service;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.client.CaseServiceClient;
import io.casedesk.responder.client.FirmView;
import io.casedesk.responder.config.ResponderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The firm's published information from case-service, cached: its name and tone, and its articles per language,
 * indexed once per fetch and ranked against each message by {@link ArticleRanker}.
 */
@ApplicationScoped
public class KnowledgeBase {

    private final CaseServiceClient caseService;
    private final ArticleRanker ranker;
    private final ResponderConfig config;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile CachedFirm firm;

    public KnowledgeBase(@RestClient CaseServiceClient caseService, EmbeddingModel embeddings, ResponderConfig config,
                         Clock clock) {
        this.caseService = caseService;
        this.ranker = new ArticleRanker(embeddings);
        this.config = config;
        this.clock = clock;
    }

    /** Articles in {@code language} that match {@code text}, best first. */
    public List<ArticleView> matching(String text, ReplyLanguage language) {
        return ranker.matching(text, articles(language));
    }

    /** The firm's name and tone (for the model's system prompt), cached like the articles. */
    public FirmView firm() {
        Instant now = clock.instant();
        CachedFirm cached = firm;
        if (cached == null || cached.fetchedAt.plus(config.articleCacheTtl()).isBefore(now)) {
            cached = new CachedFirm(caseService.firm(), now);
            firm = cached;
        }
        return cached.firm;
    }

    private List<ArticleRanker.IndexedArticle> articles(ReplyLanguage language) {
        // Simplified-Chinese writers read the Traditional articles when the firm writes none of their own.
        String tag = language == ReplyLanguage.ZH_HANS ? ReplyLanguage.ZH_HANT.tag() : language.tag();
        Instant now = clock.instant();
        Cached cached = cache.get(tag);
        if (cached == null || cached.fetchedAt.plus(config.articleCacheTtl()).isBefore(now)) {
            cached = new Cached(ranker.index(caseService.articles(tag)), now);
            cache.put(tag, cached);
        }
        return cached.articles;
    }

    private record Cached(List<ArticleRanker.IndexedArticle> articles, Instant fetchedAt) {
    }

    private record CachedFirm(FirmView firm, Instant fetchedAt) {
    }
}
