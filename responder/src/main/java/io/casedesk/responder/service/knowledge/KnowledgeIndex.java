package io.casedesk.responder.service.knowledge;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.service.CaseNumbers;
import io.casedesk.responder.service.ReplyLanguage;
import io.casedesk.schema.TextEmbedding;
import io.casedesk.schema.privacy.PersonalDataRedactor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The firm's knowledge base, searchable in every language it is written in. Each article is cut into passages (its
 * title with its tags, then its paragraphs, long ones in groups of sentences); a question is matched against every
 * passage two ways:
 * <ul>
 *   <li>by words: the share of the question's terms ({@link SearchTerms}, weighted by how rare they are among the
 *   passages) that the passage holds;</li>
 *   <li>by meaning: the cosine similarity of bge-small-zh embeddings, counted by how far the passage stands out from
 *   the average passage for this question, since this model's similarities sit in a narrow band.</li>
 * </ul>
 * An article scores by its best passage, a topic (the same article in several languages, see {@link ArticleTopics})
 * by its best article, so a question in English finds a topic whose Chinese article matches it best. The answer is
 * then the topic's article in the writer's language, with its passages that fit the question.
 */
public final class KnowledgeIndex {

    /** A topic answers a question when its combined score reaches this (chosen on the tuning set, see the README). */
    static final double MIN_SCORE = 0.38;
    /**
     * The best topic answers only when it leads the next by this much: a question that two topics match about equally
     * shares their common words and asks what neither says ("EV chargers in your car park" against parking and office
     * hours). Chosen on the tuning sets, see the README: wrong articles answered 0.110 -> 0.032 of the questions an
     * article answers, questions without one rightly left unanswered 0.536 -> 0.696, right ones answered 0.725 ->
     * 0.656.
     */
    static final double MIN_LEAD = 0.10;
    /** The weight of meaning against words in the combined score. */
    static final double MEANING_WEIGHT = 2.0;
    /** A passage of more characters is cut into groups of sentences. */
    private static final int MAX_PASSAGE_CHARS = 220;
    /** How much more the question's words count in an article's title and tags than in its body. */
    static final double TITLE_WEIGHT = 3;
    /** Articles a language needs before its own average closeness is the measure (see meanAmongSameLanguage). */
    static final int MIN_ARTICLES_FOR_OWN_MEAN = 3;
    /** Paragraphs an answer quotes at most. */
    static final int MAX_QUOTED_PASSAGES = 3;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？!?])|(?<=\\.)\\s+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** What a passage is: the title with the tags, the whole article, or one paragraph (which an answer may quote). */
    private enum Kind { TITLE, WHOLE, PARAGRAPH }

    /** One searchable piece of an article. */
    private record Passage(int article, String text, Set<String> terms, float[] vector, Kind kind) {
    }

    /** How well a question matches a topic, and through which article. */
    public record TopicMatch(ArticleView article, double score, double words, double meaning) {
    }

    /** What the knowledge base answers a question with: an article and its passages that fit the question. */
    public record Answer(ArticleView article, List<String> passages, double score) {

        /** The article's title with the passages, as an answer quotes them. */
        public String text() {
            return article.title() + "\n" + String.join("\n", passages);
        }

        /** Whether the firm wrote this article in English and the writer reads Chinese, or the other way round. */
        public boolean inTheOtherLanguageFor(ReplyLanguage reader) {
            String written = article.language();
            return written != null && (ReplyLanguage.of(written) == ReplyLanguage.EN) != (reader == ReplyLanguage.EN);
        }
    }

    private final List<ArticleView> articles;
    private final List<Passage> passages;
    private final Map<String, Double> inverseFrequency;
    private final double unknownTermWeight;
    private final ArticleTopics topics;
    /** Per article: whether its topic is written in one language only (Chinese or English). */
    private final List<Boolean> writtenInOneLanguage;
    private final QuestionEmbedder embedder;
    private final double meaningWeight;
    private final double minScore;

    private KnowledgeIndex(List<ArticleView> articles, List<Passage> passages, ArticleTopics topics,
                           QuestionEmbedder embedder, double meaningWeight, double minScore) {
        this.articles = articles;
        this.passages = passages;
        this.topics = topics;
        Map<String, Set<Boolean>> languagesOfTopic = new HashMap<>();
        articles.forEach(a -> languagesOfTopic.computeIfAbsent(topics.keyOf(a), k -> new HashSet<>()).add(isEnglish(a)));
        this.writtenInOneLanguage = articles.stream().map(a -> languagesOfTopic.get(topics.keyOf(a)).size() == 1).toList();
        this.embedder = embedder;
        this.meaningWeight = meaningWeight;
        this.minScore = minScore;
        this.inverseFrequency = inverseFrequency(passages);
        this.unknownTermWeight = Math.log(1 + (passages.size() + 0.5) / 0.5);
    }

    /** The same index with other weights; for choosing them on a tuning set. */
    KnowledgeIndex withWeights(double meaningWeight, double minScore) {
        return new KnowledgeIndex(articles, passages, topics, embedder, meaningWeight, minScore);
    }

    /** Cuts and embeds every article once; searching is then one embedding of the question. */
    public static KnowledgeIndex of(List<ArticleView> articles, EmbeddingModel embeddings) {
        return of(articles, QuestionEmbedder.computing(embeddings));
    }

    /** {@link #of(List, EmbeddingModel)}, with questions embedded by {@code embedder}, which may reuse a message's. */
    public static KnowledgeIndex of(List<ArticleView> articles, QuestionEmbedder embedder) {
        List<Passage> passages = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            ArticleView article = articles.get(i);
            String title = article.title() + " " + String.join(" ", article.tags());
            texts.add(title);
            owners.add(i);
            kinds.add(Kind.TITLE);
            texts.add(title + "\n" + article.body());
            owners.add(i);
            kinds.add(Kind.WHOLE);
            for (String piece : pieces(article.body())) {
                texts.add(piece);
                owners.add(i);
                kinds.add(Kind.PARAGRAPH);
            }
        }
        List<float[]> vectors = embedAll(embedder.model(), texts);
        for (int i = 0; i < texts.size(); i++) {
            passages.add(new Passage(owners.get(i), texts.get(i), new HashSet<>(SearchTerms.of(texts.get(i))),
                    unit(vectors.get(i)), kinds.get(i)));
        }
        List<float[]> articleVectors = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            int article = i;
            articleVectors.add(passages.stream().filter(p -> p.article() == article && p.kind() == Kind.TITLE)
                    .findFirst().map(Passage::vector).orElseThrow());
        }
        return new KnowledgeIndex(List.copyOf(articles), List.copyOf(passages),
                ArticleTopics.of(articles, articleVectors), embedder, MEANING_WEIGHT, MIN_SCORE);
    }

    public boolean isEmpty() {
        return articles.isEmpty();
    }

    /**
     * The best answer to {@code question} for a writer of {@code language}, when a topic is relevant enough: the
     * topic's article in that language (or the closest one the firm wrote) with its passages that fit.
     */
    public Optional<Answer> answer(String question, ReplyLanguage language) {
        return answer(question, language, null);
    }

    /** {@link #answer(String, ReplyLanguage)} for a message that came with its embedding ({@code null}: none). */
    public Optional<Answer> answer(String question, ReplyLanguage language, TextEmbedding known) {
        Query query = query(question, known);
        if (query == null) {
            return Optional.empty();
        }
        List<TopicMatch> ranked = rank(query);
        if (ranked.isEmpty() || ranked.get(0).score() < minScore
                || ranked.size() > 1 && ranked.get(0).score() - ranked.get(1).score() < MIN_LEAD) {
            return Optional.empty();
        }
        return Optional.of(answerWith(ranked.get(0), query, language));
    }

    /**
     * The best of the topics {@code wanted} accepts, for a question asked for one of them (the urgent-contact article
     * for an urgent handoff): the lead over other topics does not count here, only the minimum score.
     */
    public Optional<Answer> answerAmong(String question, ReplyLanguage language, Predicate<ArticleView> wanted) {
        Query query = query(question, null);
        if (query == null) {
            return Optional.empty();
        }
        return rank(query).stream().filter(match -> wanted.test(match.article())).findFirst()
                .filter(match -> match.score() >= minScore)
                .map(match -> answerWith(match, query, language));
    }

    /** The topic's article in the writer's language (or the closest the firm wrote), with the passages that fit. */
    private Answer answerWith(TopicMatch match, Query query, ReplyLanguage language) {
        ArticleView article = topics.inLanguage(match.article(), language);
        return new Answer(article, fittingPassages(query, articles.indexOf(article)), match.score());
    }

    /** Every topic's best article for {@code question}, best first, with its scores; for evaluation and tests. */
    public List<TopicMatch> ranked(String question) {
        Query query = query(question, null);
        return query == null ? List.of() : rank(query);
    }

    /** Whether this index was built from exactly these articles. */
    public boolean indexes(List<ArticleView> articles) {
        return this.articles.equals(articles);
    }

    /** The topic key of an article: the same for its versions in other languages. */
    public String topicOf(ArticleView article) {
        return topics.keyOf(article);
    }

    /**
     * A question: its terms with their weights ({@link #coverage}), looked up once instead of once per passage, and its
     * embedding of unit length.
     */
    private record Query(List<String> terms, double[] weights, double totalWeight, float[] vector) {
    }

    /** The question's terms and embedding; case numbers and personal data say nothing about a topic. */
    private Query query(String question, TextEmbedding known) {
        if (question == null || question.isBlank() || passages.isEmpty()) {
            return null;
        }
        String cleaned = PersonalDataRedactor.redact(CaseNumbers.removedFrom(question));
        if (cleaned.isBlank()) {
            return null; // a bare case number asks about the case, not about a topic (and the model refuses blanks)
        }
        Set<String> distinct = new HashSet<>(SearchTerms.of(cleaned));
        distinct.removeIf(term -> DIGITS.matcher(term).matches());
        List<String> terms = List.copyOf(distinct);
        double[] weights = new double[terms.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = inverseFrequency.getOrDefault(terms.get(i), unknownTermWeight);
            total += weights[i];
        }
        return new Query(terms, weights, total, embedder.embed(cleaned, known));
    }

    /**
     * Every topic's best article. Words: the share of the question's terms found in the article's title and tags
     * (what the firm says the article is about), in its best paragraph, and in the whole article (an article about
     * the question uses its words throughout), weighted 3:1:1. Meaning: the article's closest passage
     * (title, whole or paragraph), counted by how far it stands out from the average article's closest.
     */
    private List<TopicMatch> rank(Query query) {
        double[] titleWords = new double[articles.size()];
        double[] passageWords = new double[articles.size()];
        double[] articleWords = new double[articles.size()];
        double[] meaning = new double[articles.size()];
        java.util.Arrays.fill(meaning, -1);
        for (Passage passage : passages) {
            int a = passage.article();
            double coverage = coverage(query, passage);
            switch (passage.kind()) {
                case TITLE -> titleWords[a] = coverage;
                case WHOLE -> articleWords[a] = coverage;
                case PARAGRAPH -> passageWords[a] = Math.max(passageWords[a], coverage);
            }
            meaning[a] = Math.max(meaning[a], dot(query.vector(), passage.vector()));
        }
        double[] mean = meanAmongSameLanguage(meaning);
        Map<String, TopicMatch> bestPerTopic = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            double words = (TITLE_WEIGHT * titleWords[i] + passageWords[i] + articleWords[i]) / (TITLE_WEIGHT + 2);
            double standOut = meaning[i] - mean[i];
            TopicMatch match = new TopicMatch(articles.get(i), words + meaningWeight * standOut, words, standOut);
            bestPerTopic.merge(topics.keyOf(articles.get(i)), match, (a, b) -> a.score() >= b.score() ? a : b);
        }
        return bestPerTopic.values().stream().sorted(Comparator.comparingDouble(TopicMatch::score).reversed()).toList();
    }

    /**
     * For each article, the average closeness of the articles written in its language (Chinese or English). The model
     * puts a question nearer every text of its own language, so against the average of all articles an article in the
     * other language always fell short, and a topic the firm wrote only in that language was out of reach. Such an
     * article is measured among its own language's articles, so it stands out as much as it fits; a topic written in
     * both languages is found through its version in the question's language, measured as before against all
     * articles. A language with fewer than {@value #MIN_ARTICLES_FOR_OWN_MEAN} articles is measured against all.
     */
    private double[] meanAmongSameLanguage(double[] meaning) {
        double overall = java.util.Arrays.stream(meaning).average().orElse(0);
        Map<Boolean, double[]> sums = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            double[] sum = sums.computeIfAbsent(isEnglish(articles.get(i)), k -> new double[2]);
            sum[0] += meaning[i];
            sum[1]++;
        }
        double[] means = new double[articles.size()];
        for (int i = 0; i < articles.size(); i++) {
            double[] sum = sums.get(isEnglish(articles.get(i)));
            means[i] = writtenInOneLanguage.get(i) && sum[1] >= MIN_ARTICLES_FOR_OWN_MEAN ? sum[0] / sum[1] : overall;
        }
        return means;
    }

    private static boolean isEnglish(ArticleView article) {
        return ReplyLanguage.of(article.language()) == ReplyLanguage.EN;
    }

    /** The article's body passages that fit the question best, in the article's order; the whole body when short. */
    private List<String> fittingPassages(Query query, int article) {
        List<Integer> body = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i).article() == article && passages.get(i).kind() == Kind.PARAGRAPH) {
                body.add(i);
            }
        }
        if (body.size() <= MAX_QUOTED_PASSAGES) {
            return body.stream().map(i -> passages.get(i).text()).toList();
        }
        List<Integer> best = body.stream()
                .sorted(Comparator.comparingDouble((Integer i) -> coverage(query, passages.get(i))
                        + meaningWeight * dot(query.vector(), passages.get(i).vector())).reversed())
                .limit(MAX_QUOTED_PASSAGES).sorted().toList();
        return best.stream().map(i -> passages.get(i).text()).toList();
    }

    /**
     * The share of the question's terms, each weighted by its rarity, that the passage holds. A term no passage has
     * weighs the most: a question about something the firm never wrote of is not answered by its one common word.
     */
    private static double coverage(Query query, Passage passage) {
        double found = 0;
        for (int i = 0; i < query.weights().length; i++) {
            if (passage.terms().contains(query.terms().get(i))) {
                found += query.weights()[i];
            }
        }
        return query.totalWeight() == 0 ? 0 : found / query.totalWeight();
    }

    /** BM25's inverse document frequency of every term, over the passages. */
    private static Map<String, Double> inverseFrequency(List<Passage> passages) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        int n = 0;
        for (Passage passage : passages) {
            if (passage.kind() != Kind.WHOLE) {
                passage.terms().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
                n++;
            }
        }
        Map<String, Double> idf = new HashMap<>();
        int count = n;
        documentFrequency.forEach((term, df) -> idf.put(term, Math.log(1 + (count - df + 0.5) / (df + 0.5))));
        return idf;
    }

    /** Paragraphs, with long ones cut into groups of whole sentences. */
    static List<String> pieces(String body) {
        List<String> pieces = new ArrayList<>();
        if (body == null) {
            return pieces;
        }
        for (String paragraph : body.split("\\R+")) {
            String text = paragraph.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.length() <= MAX_PASSAGE_CHARS) {
                pieces.add(text);
                continue;
            }
            StringBuilder group = new StringBuilder();
            for (String sentence : SENTENCE_END.split(text)) {
                if (group.length() > 0 && group.length() + sentence.length() > MAX_PASSAGE_CHARS) {
                    pieces.add(group.toString().strip());
                    group.setLength(0);
                }
                group.append(sentence).append(sentence.matches(".*[。！？]$") ? "" : " ");
            }
            if (!group.toString().isBlank()) {
                pieces.add(group.toString().strip());
            }
        }
        return pieces;
    }

    private static List<float[]> embedAll(EmbeddingModel embeddings, List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return embeddings.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList();
    }

    /** The vector scaled to length 1 (a zero vector stays zero): the cosine of two such vectors is their {@link #dot}. */
    static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        float[] unit = vector.clone();
        if (norm > 0) {
            double length = Math.sqrt(norm);
            for (int i = 0; i < unit.length; i++) {
                unit[i] = (float) (unit[i] / length);
            }
        }
        return unit;
    }

    /** The dot product; for vectors of unit length, the cosine similarity at a third of its cost. */
    static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
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
}
