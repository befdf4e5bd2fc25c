package io.casedesk.responder.service.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.service.ReplyLanguage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The retrieval command: {@code ./mvnw -B -o verify -pl responder -Deval [-Deval.grid=true] [-Deval.misses=true]}.
 * Builds the knowledge index over a firm's articles (default the demo firm) with the real model and prints, for each
 * retrieval set, recall@1 and recall@3 of the questions an article answers (the right topic, in any language, among
 * the first one or three), the share of them answered at all, and for the questions no article answers how many were
 * rightly left unanswered. Asserts nothing. {@code -Deval.grid=true} also tries other weights on the tuning set (the
 * held-out set is never used to choose them); {@code -Deval.misses=true} lists the tuning set's misses.
 */
class RetrievalEvaluation {

    private static final Path SETS = Path.of("src/test/resources/retrieval");

    private record Question(String text, ReplyLanguage language, String topic) {
    }

    /** A retrieval set, the firm its questions are asked of, and whether weights may be chosen on it. */
    private record RetrievalSet(String file, String bundle, boolean tuning) {
    }

    private static final String DEMO_FIRM = "../deploy/demo-data/lawfirm-demo.json";
    private static final String SECOND_FIRM = "../deploy/demo-data/lawfirm-second.json";
    private static final List<RetrievalSet> RETRIEVAL_SETS = List.of(
            new RetrievalSet("kb-tuning.jsonl", DEMO_FIRM, true),
            new RetrievalSet("kb-tuning-2.jsonl", DEMO_FIRM, true),
            new RetrievalSet("kb-second-tuning.jsonl", SECOND_FIRM, true),
            new RetrievalSet("kb-heldout.jsonl", DEMO_FIRM, false));

    @Test
    void printsFigures() throws IOException {
        EmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();
        Map<String, KnowledgeIndex> indexes = new HashMap<>();
        for (String bundle : List.of(System.getProperty("eval.bundle", DEMO_FIRM), DEMO_FIRM, SECOND_FIRM)) {
            if (!indexes.containsKey(bundle)) {
                long start = System.nanoTime();
                indexes.put(bundle, KnowledgeIndex.of(articles(Path.of(bundle)), model));
                System.out.printf(Locale.ROOT, "%nKnowledge index over %s: built in %d ms%n", bundle,
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
        KnowledgeIndex asking = indexes.get(System.getProperty("eval.bundle", DEMO_FIRM));
        for (String asked : System.getProperty("eval.ask", "").split("\\|")) {
            if (!asked.isBlank()) {
                System.out.println("Q: " + asked + " -> " + SearchTerms.of(asked));
                asking.ranked(asked).stream().limit(4).forEach(m -> System.out.printf(Locale.ROOT,
                        "   %s %.2f words %.2f meaning %.3f%n", m.article().id(), m.score(), m.words(), m.meaning()));
            }
        }
        Map<RetrievalSet, List<Question>> tuning = new LinkedHashMap<>();
        for (RetrievalSet set : RETRIEVAL_SETS) {
            Path file = SETS.resolve(set.file());
            if (Files.exists(file)) {
                List<Question> questions = questions(file);
                report(set.file(), indexes.get(set.bundle()), questions, Boolean.getBoolean("eval.misses") && set.tuning());
                if (set.tuning()) {
                    tuning.put(set, questions);
                }
            }
        }
        if (Boolean.getBoolean("eval.grid")) {
            System.out.println("\nGrid on the tuning sets together (meaning weight, min score): recall@1, answered, "
                    + "rightly unanswered");
            for (double weight : new double[]{2, 3, 4, 5}) {
                for (double min : new double[]{0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
                    Figures f = tuning.entrySet().stream()
                            .map(e -> figures(indexes.get(e.getKey().bundle()).withWeights(weight, min), e.getValue(), false))
                            .reduce(Figures::plus).orElseThrow();
                    System.out.printf(Locale.ROOT, "  %.0f %.2f: %.3f %.3f %.3f%n", weight, min, f.recallAt1(),
                            f.answered(), f.rightlyUnanswered());
                }
            }
        }
    }

    /** Counts of one or more sets, and the ratios they give. */
    private record Figures(int top1, int top3, int answeredRight, int unanswered, int withTopic, int withoutTopic) {

        Figures plus(Figures other) {
            return new Figures(top1 + other.top1, top3 + other.top3, answeredRight + other.answeredRight,
                    unanswered + other.unanswered, withTopic + other.withTopic, withoutTopic + other.withoutTopic);
        }

        double recallAt1() {
            return ratio(top1, withTopic);
        }

        double recallAt3() {
            return ratio(top3, withTopic);
        }

        double answered() {
            return ratio(answeredRight, withTopic);
        }

        double rightlyUnanswered() {
            return ratio(unanswered, withoutTopic);
        }
    }

    private static void report(String name, KnowledgeIndex index, List<Question> questions, boolean misses) {
        long start = System.nanoTime();
        Figures f = figures(index, questions, misses);
        long micros = (System.nanoTime() - start) / 1000 / Math.max(1, questions.size());
        System.out.printf(Locale.ROOT, "%s: %d questions with an article, %d without%n", name, f.withTopic(),
                f.withoutTopic());
        System.out.printf(Locale.ROOT, "  recall@1 %.3f, recall@3 %.3f, answered with the right article %.3f%n",
                f.recallAt1(), f.recallAt3(), f.answered());
        System.out.printf(Locale.ROOT, "  without an article: rightly left unanswered %.3f%n", f.rightlyUnanswered());
        System.out.printf(Locale.ROOT, "  %d µs a question%n", micros);
    }

    private static Figures figures(KnowledgeIndex index, List<Question> questions, boolean misses) {
        int withTopic = 0;
        int top1 = 0;
        int top3 = 0;
        int answeredRight = 0;
        int withoutTopic = 0;
        int unanswered = 0;
        for (Question q : questions) {
            List<KnowledgeIndex.TopicMatch> ranked = index.ranked(q.text());
            var answer = index.answer(q.text(), q.language());
            if (Boolean.getBoolean("eval.scores") && misses && !ranked.isEmpty()) {
                KnowledgeIndex.TopicMatch best = ranked.get(0);
                System.out.printf(Locale.ROOT, "  score %s %.2f words %.2f meaning %.3f second %.2f asked %s article %s%n",
                        q.topic() == null ? "NONE" : index.topicOf(best.article()).equals(q.topic()) ? "HIT " : "MISS",
                        best.score(), best.words(), best.meaning(), ranked.size() > 1 ? ranked.get(1).score() : 0,
                        q.language().tag(), best.article().language());
            }
            if (q.topic() == null) {
                withoutTopic++;
                if (answer.isEmpty()) {
                    unanswered++;
                } else if (misses) {
                    System.out.printf(Locale.ROOT, "  answered (should not): %s -> %s %.2f%n", q.text(),
                            index.topicOf(answer.get().article()), answer.get().score());
                }
                continue;
            }
            withTopic++;
            List<String> topics = ranked.stream().map(m -> index.topicOf(m.article())).toList();
            if (!topics.isEmpty() && topics.get(0).equals(q.topic())) {
                top1++;
            }
            if (topics.stream().limit(3).anyMatch(q.topic()::equals)) {
                top3++;
            }
            if (answer.isPresent() && index.topicOf(answer.get().article()).equals(q.topic())) {
                answeredRight++;
            } else if (misses) {
                KnowledgeIndex.TopicMatch best = ranked.isEmpty() ? null : ranked.get(0);
                System.out.printf(Locale.ROOT, "  miss: %s (want %s) -> %s %.2f (words %.2f, meaning %.3f)%n", q.text(),
                        q.topic(), best == null ? "-" : index.topicOf(best.article()), best == null ? 0 : best.score(),
                        best == null ? 0 : best.words(), best == null ? 0 : best.meaning());
            }
        }
        return new Figures(top1, top3, answeredRight, unanswered, withTopic, withoutTopic);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    private static List<ArticleView> articles(Path bundle) throws IOException {
        JsonNode root = new ObjectMapper().readTree(bundle.toFile());
        List<ArticleView> articles = new ArrayList<>();
        for (JsonNode a : root.get("articles")) {
            List<String> tags = new ArrayList<>();
            a.path("tags").forEach(t -> tags.add(t.asText()));
            articles.add(new ArticleView(a.get("id").asText(), a.get("language").asText(), a.get("title").asText(),
                    a.get("body").asText(), tags));
        }
        return articles;
    }

    private static List<Question> questions(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Question> questions = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode q = mapper.readTree(line);
            String topic = q.path("topic").isNull() || q.path("topic").isMissingNode() ? null : q.get("topic").asText();
            questions.add(new Question(q.get("question").asText(), ReplyLanguage.of(q.path("lang").asText(null)), topic));
        }
        return questions;
    }
}
