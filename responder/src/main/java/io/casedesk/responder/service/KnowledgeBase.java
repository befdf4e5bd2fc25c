package io.casedesk.responder.service;

import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.client.CaseServiceClient;
import io.casedesk.responder.client.FirmView;
import io.casedesk.responder.config.ResponderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The firm's published information: its articles, fetched from case-service per language and cached, ranked against a message by
 * shared words (English) and shared character pairs (Chinese, which has no spaces between words).
 */
@ApplicationScoped
public class KnowledgeBase {

    private static final double MIN_SCORE = 2.0;

    private final CaseServiceClient caseService;
    private final ResponderConfig config;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile CachedFirm firm;

    public KnowledgeBase(@RestClient CaseServiceClient caseService, ResponderConfig config, Clock clock) {
        this.caseService = caseService;
        this.config = config;
        this.clock = clock;
    }

    /** Articles in {@code language} that match {@code text}, best first. */
    public List<ArticleView> matching(String text, ReplyLanguage language) {
        Set<String> query = terms(text);
        return articles(language).stream()
                .map(a -> Map.entry(a, score(query, a)))
                .filter(e -> e.getValue() >= MIN_SCORE)
                .sorted(Map.Entry.<ArticleView, Double>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .limit(3)
                .toList();
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

    private List<ArticleView> articles(ReplyLanguage language) {
        // Simplified-Chinese writers read the Traditional articles when the firm writes none of their own.
        String tag = language == ReplyLanguage.ZH_HANS ? ReplyLanguage.ZH_HANT.tag() : language.tag();
        Instant now = clock.instant();
        Cached cached = cache.get(tag);
        if (cached == null || cached.fetchedAt.plus(config.articleCacheTtl()).isBefore(now)) {
            cached = new Cached(caseService.articles(tag), now);
            cache.put(tag, cached);
        }
        return cached.articles;
    }

    private static double score(Set<String> query, ArticleView article) {
        Set<String> title = terms(article.title());
        Set<String> tags = new HashSet<>();
        article.tags().forEach(t -> tags.addAll(terms(t)));
        Set<String> body = terms(article.body());
        double score = 0;
        for (String term : query) {
            if (tags.contains(term)) {
                score += 2;
            }
            if (title.contains(term)) {
                score += 1.5;
            }
            if (body.contains(term)) {
                score += 0.5;
            }
        }
        return score;
    }

    /** Lower-cased English words of three or more letters, and every pair of adjacent Han characters. */
    static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        if (text == null) {
            return terms;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : lower.split("[^\\p{IsLatin}\\d]+")) {
            if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                terms.add(word);
            }
        }
        int previous = -1;
        for (int i = 0; i < lower.length(); ) {
            int codePoint = lower.codePointAt(i);
            boolean han = Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
            if (han && previous != -1) {
                terms.add(new String(Character.toChars(previous)) + new String(Character.toChars(codePoint)));
            }
            previous = han ? codePoint : -1;
            i += Character.charCount(codePoint);
        }
        return terms;
    }

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "you", "your", "what", "how", "can",
            "are", "our", "with", "this", "that", "have", "does", "please", "would", "could", "about", "there");

    private record Cached(List<ArticleView> articles, Instant fetchedAt) {
    }

    private record CachedFirm(FirmView firm, Instant fetchedAt) {
    }
}
