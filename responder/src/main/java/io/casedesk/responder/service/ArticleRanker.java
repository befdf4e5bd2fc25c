package io.casedesk.responder.service;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.casedesk.responder.client.ArticleView;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ranks the firm's articles against a message two ways at once: by shared words (English) and character pairs
 * (Chinese, which has no spaces between words), and by meaning, the cosine similarity of bge-small-zh embeddings,
 * so "你們在哪裡？" finds the article on the address and parking although it shares no word with it.
 */
public final class ArticleRanker {

    /** An article matches by its words, or by meaning: similar enough and standing out from the others. */
    static final double MIN_KEYWORD_SCORE = 2.0;
    static final double MIN_SIMILARITY = 0.45;
    static final double MIN_STAND_OUT = 0.07;

    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "you", "your", "what", "how", "can",
            "are", "our", "with", "this", "that", "have", "does", "please", "would", "could", "about", "there");

    private final EmbeddingModel embeddings;

    public ArticleRanker(EmbeddingModel embeddings) {
        this.embeddings = embeddings;
    }

    /** An article with its terms and embedding, computed once when the articles are fetched. */
    public record IndexedArticle(ArticleView article, Set<String> title, Set<String> tags, Set<String> body,
                                 float[] titleVector, float[] vector) {

        boolean mentions(String term) {
            return title.contains(term) || tags.contains(term) || body.contains(term);
        }
    }

    public List<IndexedArticle> index(List<ArticleView> articles) {
        return articles.stream().map(this::index).toList();
    }

    private IndexedArticle index(ArticleView article) {
        Set<String> tags = new HashSet<>();
        article.tags().forEach(t -> tags.addAll(terms(t)));
        return new IndexedArticle(article, terms(article.title()), tags, terms(article.body()),
                embed(article.title()), embed(article.title() + "\n" + article.body()));
    }

    /** The articles that match {@code text}, best first, at most three. */
    public List<ArticleView> matching(String text, List<IndexedArticle> articles) {
        if (text == null || text.isBlank() || articles.isEmpty()) {
            return List.of();
        }
        // A term most articles share ("事務所", "case") tells them apart no better than none.
        Set<String> query = new HashSet<>(terms(text));
        query.removeIf(term -> articles.stream().filter(a -> a.mentions(term)).count() * 3 > articles.size());
        float[] queryVector = embed(text);
        List<Ranked> ranked = articles.stream()
                .map(indexed -> new Ranked(indexed.article(), keywordScore(query, indexed),
                        // A long body dilutes its meaning; a question often says just what the title says.
                        Math.max(cosine(queryVector, indexed.titleVector()), cosine(queryVector, indexed.vector()))))
                .toList();
        // Similarities of this model sit in a narrow band, so what counts is how far an article stands out from the
        // firm's other articles for this question, not its raw value.
        double mean = ranked.stream().mapToDouble(Ranked::similarity).average().orElse(0);
        return ranked.stream()
                .filter(r -> r.keywords() >= MIN_KEYWORD_SCORE
                        || (r.similarity() >= MIN_SIMILARITY && r.similarity() - mean >= MIN_STAND_OUT))
                .sorted(Comparator.comparingDouble((Ranked r) -> r.combined(mean)).reversed())
                .map(Ranked::article)
                .limit(3)
                .toList();
    }

    private record Ranked(ArticleView article, double keywords, double similarity) {
        /** Standing out by 0.1 in meaning counts like two shared tags, so either signal alone can carry an article. */
        double combined(double meanSimilarity) {
            return keywords + 40 * (similarity - meanSimilarity);
        }
    }

    private float[] embed(String text) {
        return embeddings.embed(text).content().vector();
    }

    private static double keywordScore(Set<String> query, IndexedArticle article) {
        double score = 0;
        for (String term : query) {
            if (article.tags().contains(term)) {
                score += 2;
            }
            if (article.title().contains(term)) {
                score += 1.5;
            }
            if (article.body().contains(term)) {
                score += 0.5;
            }
        }
        return score;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
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
}
