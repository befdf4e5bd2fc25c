package io.casedesk.classifier.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.casedesk.classifier.service.TriageEngine;
import io.casedesk.classifier.service.embedding.EmbeddingTriageEngine;
import io.casedesk.classifier.service.embedding.ParallelBgeSmallZhModel;
import io.casedesk.classifier.service.embedding.TrainingExample;
import io.casedesk.classifier.service.openai.OpenAiTriageEngine;
import io.casedesk.classifier.service.rules.LocalRulesTriageEngine;
import io.casedesk.schema.Channel;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Triage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation command: {@code ./mvnw -B -o verify -pl classifier -Deval [-Deval.file=<jsonl>]
 * [-Deval.engine=local|local-rules|openai] [-Deval.cv=5]}. Runs one engine over a labelled JSONL file (default the dev set of
 * {@code ../shared/eval}) and prints the figures. It asserts nothing about them: the set is for measuring, never for
 * tuning. Not named {@code *Test}, so the normal suite leaves it out; the {@code eval} profile runs it alone.
 */
class TriageEvaluation {

    private static final String DEFAULT_SET = "../../shared/eval/triage-dev.jsonl";
    private static final int WARM_UP_MESSAGES = 16;
    /** Timed passes over the whole set with the engine loaded once; other builds share the cores, so one pass is noisy. */
    private static final int DEFAULT_PASSES = 5;

    @Test
    void printsFigures() throws IOException {
        int folds = Integer.getInteger("eval.cv", 0);
        if (folds > 1) {
            crossValidate(folds);
            return;
        }
        Path set = Path.of(System.getProperty("eval.file", DEFAULT_SET));
        assertThat(set).as("evaluation set").isRegularFile();
        String engineName = System.getProperty("eval.engine", EmbeddingTriageEngine.NAME);

        List<LabelledMessage> items = read(set);
        List<InboundMessage> messages = items.stream().map(LabelledMessage::message).toList();

        long loadStart = System.nanoTime();
        TriageEngine engine = engine(engineName);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        engine.triageAll(messages.subList(0, Math.min(WARM_UP_MESSAGES, messages.size())));
        List<Triage> triages = null;
        List<Double> seconds = new ArrayList<>();
        for (int pass = 0; pass < Integer.getInteger("eval.passes", DEFAULT_PASSES); pass++) {
            long start = System.nanoTime();
            triages = engine.triageAll(messages);
            seconds.add((System.nanoTime() - start) / 1e9);
        }

        System.out.println(new EvaluationReport(engineName, set, items, triages, loadSeconds, seconds).render());
    }

    /**
     * {@code -Deval.cv=<k>}: k-fold cross-validation of the {@code local} engine on its own training examples (intent and
     * emotion, the labels they carry), as evidence that does not rest on the dev set. Every example is held out once,
     * triaged by an engine that learnt from the other folds; folds are dealt round-robin after a seeded shuffle.
     */
    private static void crossValidate(int folds) {
        List<TrainingExample> examples = new ArrayList<>(TrainingExample.load(TrainingExample.DEFAULT_RESOURCE));
        Collections.shuffle(examples, new Random(Long.getLong("eval.cv.seed", 7)));
        LocalRulesTriageEngine rules = new LocalRulesTriageEngine("zh-Hant");
        ObjectMapper mapper = new ObjectMapper();
        List<LabelledMessage> items = new ArrayList<>();
        List<Triage> triages = new ArrayList<>();
        try (ParallelBgeSmallZhModel model = new ParallelBgeSmallZhModel()) {
            EmbeddingModel remembering = new RememberingModel(model);
            for (int fold = 0; fold < folds; fold++) {
                List<TrainingExample> learnt = new ArrayList<>();
                List<LabelledMessage> heldOut = new ArrayList<>();
                for (int i = 0; i < examples.size(); i++) {
                    TrainingExample example = examples.get(i);
                    if (i % folds == fold) {
                        ObjectNode labels = mapper.createObjectNode()
                                .put("intent", example.intent().name().toLowerCase(Locale.ROOT))
                                .put("emotion", example.emotion().name().toLowerCase(Locale.ROOT));
                        heldOut.add(new LabelledMessage(labels, message(Channel.LINE, example.text())));
                    } else {
                        learnt.add(example);
                    }
                }
                EmbeddingTriageEngine engine = new EmbeddingTriageEngine(remembering, learnt, rules,
                        Double.parseDouble(System.getProperty("eval.cv.ngram-weight", String.valueOf(EmbeddingTriageEngine.NGRAM_WEIGHT))));
                List<Triage> foldTriages = engine.triageAll(heldOut.stream().map(LabelledMessage::message).toList());
                items.addAll(heldOut);
                triages.addAll(foldTriages);
            }
        }
        if (Boolean.getBoolean("eval.cv.misses")) {
            // Our own examples, never the dev set: their text helps to see what the engine misses.
            for (int i = 0; i < items.size(); i++) {
                String expected = items.get(i).expected("intent");
                String actual = triages.get(i).intent().name().toLowerCase(Locale.ROOT);
                if (!expected.equals(actual)) {
                    System.out.printf(Locale.ROOT, "cv miss: %s -> %s %s | %s%n", expected, actual, triages.get(i).reasons(),
                            items.get(i).message().text().replace('\n', ' '));
                }
            }
        }
        System.out.println(new EvaluationReport(folds + "-fold cross-validation of " + EmbeddingTriageEngine.NAME,
                Path.of(TrainingExample.DEFAULT_RESOURCE), items, triages, 0, List.of(1.0))
                .renderFamilies(List.of("intent", "emotion")));
    }

    /** Embeds each text once across the folds: every example is embedded k times otherwise. */
    private record RememberingModel(EmbeddingModel model, Map<String, Embedding> embeddings) implements EmbeddingModel {

        RememberingModel(EmbeddingModel model) {
            this(model, new HashMap<>());
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<TextSegment> missing = segments.stream().filter(s -> !embeddings.containsKey(s.text())).distinct().toList();
            if (!missing.isEmpty()) {
                List<Embedding> computed = model.embedAll(missing).content();
                for (int i = 0; i < missing.size(); i++) {
                    embeddings.put(missing.get(i).text(), computed.get(i));
                }
            }
            return Response.from(segments.stream().map(s -> embeddings.get(s.text())).toList());
        }
    }

    private static InboundMessage message(Channel channel, String text) {
        return new InboundMessage(channel, MessageKind.TEXT, "evaluation", null, null, text, List.of(), Instant.now(), null, null);
    }

    private static TriageEngine engine(String name) {
        LocalRulesTriageEngine rules = new LocalRulesTriageEngine("zh-Hant");
        return switch (name) {
            case LocalRulesTriageEngine.NAME -> rules;
            case EmbeddingTriageEngine.NAME -> EmbeddingTriageEngine.withBundledModel(rules);
            case OpenAiTriageEngine.NAME -> openAi(rules);
            default -> throw new IllegalArgumentException("Unknown engine '" + name + "' in -Deval.engine");
        };
    }

    /** Base URL, model and timeout from -Deval.openai.*, the key from OPENAI_API_KEY; falls back to the local engine. */
    private static TriageEngine openAi(LocalRulesTriageEngine rules) {
        String apiKey = System.getenv("OPENAI_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("-Deval.engine=openai needs OPENAI_API_KEY in the environment");
        }
        String model = System.getProperty("eval.openai.model", "gpt-4o-mini");
        return new OpenAiTriageEngine(OpenAiTriageEngine.chatModel(
                System.getProperty("eval.openai.base-url", "https://api.openai.com/v1"), apiKey, model,
                Duration.parse(System.getProperty("eval.openai.timeout", "PT20S"))),
                model, EmbeddingTriageEngine.withBundledModel(rules), rules);
    }

    private static List<LabelledMessage> read(Path set) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<LabelledMessage> items = new ArrayList<>();
        for (String line : Files.readAllLines(set)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = mapper.readTree(line);
            Channel channel = "email".equals(item.path("channel").asText()) ? Channel.EMAIL : Channel.LINE;
            items.add(new LabelledMessage(item, message(channel, item.path("text").asText())));
        }
        return items;
    }

    record LabelledMessage(JsonNode labels, InboundMessage message) {
        String expected(String family) {
            return labels.path(family).asText();
        }
    }
}
