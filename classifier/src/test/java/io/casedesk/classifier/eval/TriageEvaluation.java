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
import io.casedesk.classifier.service.rules.Calibration;
import io.casedesk.classifier.service.rules.LocalRulesTriageEngine;
import io.casedesk.classifier.service.rules.ModelReading;
import io.casedesk.schema.Channel;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Triage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation command: {@code ./mvnw -B -o verify -pl classifier -Deval [-Deval.file=<jsonl>]
 * [-Deval.engine=local|local-rules|openai] [-Deval.cv=5]}. Runs one engine over a labelled JSONL file (default the dev set of
 * {@code src/test/resources/eval}) and prints the figures. It asserts nothing about them: the set is for measuring, never for
 * tuning. Not named {@code *Test}, so the normal suite leaves it out; the {@code eval} profile runs it alone.
 */
class TriageEvaluation {

    private static final String DEFAULT_SET = "src/test/resources/eval/triage-dev.jsonl";
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
     * {@code -Deval.cv=<k>}: k-fold cross-validation of the {@code local} engine on its own training examples, grouped by
     * scenario: no scenario is on both sides of a fold, so a fold's messages are as new to its engine as a new firm's
     * customers. Each example is triaged by an engine that learnt from the other folds. The out-of-fold predictions also
     * fit the calibration (temperatures, routing thresholds, the second-request threshold), which is printed; the figures
     * are those of the calibration in {@link Calibration#FITTED}, or of the fresh fit with {@code -Deval.cv.calibration=fit}.
     */
    private static void crossValidate(int folds) {
        List<TrainingExample> examples = TrainingExample.loadDefault();
        List<List<TrainingExample>> byFold = GroupedFolds.split(examples, folds, Long.getLong("eval.cv.seed", 7));
        LocalRulesTriageEngine rules = new LocalRulesTriageEngine("zh-Hant");
        double ngramWeight = Double.parseDouble(System.getProperty("eval.cv.ngram-weight", String.valueOf(EmbeddingTriageEngine.NGRAM_WEIGHT)));
        List<LabelledMessage> items = new ArrayList<>();
        List<ModelReading> raw = new ArrayList<>();
        List<SecondRequest> pairs = new ArrayList<>();
        List<ModelReading> pairReadings = new ArrayList<>();
        long start = System.nanoTime();
        try (ParallelBgeSmallZhModel model = new ParallelBgeSmallZhModel()) {
            RememberingModel remembering = RememberingModel.from(model, System.getProperty("eval.embedding-cache"));
            for (int fold = 0; fold < folds; fold++) {
                List<TrainingExample> learnt = new ArrayList<>();
                for (int other = 0; other < folds; other++) {
                    if (other != fold) {
                        learnt.addAll(byFold.get(other));
                    }
                }
                List<LabelledMessage> heldOut = byFold.get(fold).stream().map(TriageEvaluation::labelled).toList();
                List<SecondRequest> foldPairs = SecondRequest.pairsOf(byFold.get(fold));
                long foldStart = System.nanoTime();
                EmbeddingTriageEngine engine = new EmbeddingTriageEngine(remembering, learnt, rules, ngramWeight, Calibration.UNCALIBRATED);
                System.out.printf(Locale.ROOT, "fold %d: %d examples learnt in %.1f s%n", fold, learnt.size(), (System.nanoTime() - foldStart) / 1e9);
                raw.addAll(engine.readAll(heldOut.stream().map(LabelledMessage::message).toList()));
                pairReadings.addAll(engine.readAll(foldPairs.stream().map(SecondRequest::message).toList()));
                items.addAll(heldOut);
                pairs.addAll(foldPairs);
            }
            remembering.save();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Calibration fitted = CalibrationFit.fit(items, raw, pairs, pairReadings, rules);
        Calibration used = "fit".equals(System.getProperty("eval.cv.calibration")) ? fitted : Calibration.FITTED;
        List<Triage> triages = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            triages.add(rules.triage(items.get(i).message(), raw.get(i).calibrated(used), used, EmbeddingTriageEngine.NAME));
        }
        if (Boolean.getBoolean("eval.cv.misses")) {
            // Our own examples, never an evaluation set: their text helps to see what the engine misses.
            for (int i = 0; i < items.size(); i++) {
                for (String family : List.of("intent", "needs_human")) {
                    String expected = items.get(i).expected(family);
                    String actual = family.equals("intent") ? triages.get(i).intent().name().toLowerCase(Locale.ROOT)
                            : String.valueOf(triages.get(i).needsHuman());
                    if (!expected.isEmpty() && !expected.equals(actual)) {
                        System.out.printf(Locale.ROOT, "cv miss %s: %s -> %s %s | %s%n", family, expected, actual,
                                triages.get(i).reasons(), items.get(i).message().text().replace('\n', ' '));
                    }
                }
            }
        }
        System.out.println(new EvaluationReport(folds + "-fold cross-validation grouped by scenario of " + EmbeddingTriageEngine.NAME
                + " (calibration " + (used == fitted ? "fitted now" : "in the code") + ")",
                Path.of(String.join("+", TrainingExample.DEFAULT_RESOURCES)), items, triages, 0, List.of(1.0))
                .renderFamilies(List.of("intent", "emotion", "urgency", "needs_human")));
        System.out.println(SecondRequest.report(pairs, pairReadings, items, raw, rules, used));
        // Variants of the decisions, on the same out-of-fold readings (eval.cv.variants=v.urgency=1,v.urgency=2,...).
        for (String variant : System.getProperty("eval.cv.variants", "").split(",")) {
            if (variant.isBlank()) {
                continue;
            }
            String[] keyValue = variant.split("=");
            String before = System.setProperty(keyValue[0], keyValue[1]);
            List<Triage> varied = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                varied.add(rules.triage(items.get(i).message(), raw.get(i).calibrated(used), used, EmbeddingTriageEngine.NAME));
            }
            System.out.println("variant " + variant + ": " + new EvaluationReport(variant, Path.of("cv"), items, varied, 0, List.of(1.0))
                    .renderFamilies(List.of()).lines().filter(line -> line.startsWith("summary")).findFirst().orElse(""));
            if (keyValue[0].equals("v.also")) {
                System.out.println(SecondRequest.report(pairs, pairReadings, items, raw, rules, used));
            }
            if (before == null) {
                System.clearProperty(keyValue[0]);
            } else {
                System.setProperty(keyValue[0], before);
            }
        }
        System.out.printf(Locale.ROOT, "groups: %d in %d folds; training and reading all folds took %.1f s%n",
                examples.stream().map(TrainingExample::group).distinct().count(), folds, seconds);
    }

    private static LabelledMessage labelled(TrainingExample example) {
        ObjectNode labels = new ObjectMapper().createObjectNode()
                .put("scenario", example.group())
                .put("intent", example.intent().name().toLowerCase(Locale.ROOT))
                .put("emotion", example.emotion().name().toLowerCase(Locale.ROOT));
        if (example.urgency() != null) {
            labels.put("urgency", example.urgency().name().toLowerCase(Locale.ROOT));
        }
        if (example.needsHuman() != null) {
            labels.put("needs_human", String.valueOf(example.needsHuman()));
        }
        return new LabelledMessage(labels, message(Channel.LINE, example.text()));
    }

    /** Embeds each text once across the folds (every example is embedded k times otherwise), and across runs with a file. */
    private record RememberingModel(EmbeddingModel model, Map<String, float[]> embeddings, Path file) implements EmbeddingModel {

        @SuppressWarnings("unchecked")
        static RememberingModel from(EmbeddingModel model, String file) {
            Map<String, float[]> known = new HashMap<>();
            Path path = file == null ? null : Path.of(file);
            if (path != null && Files.isRegularFile(path)) {
                try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(path))) {
                    known = (Map<String, float[]>) in.readObject();
                } catch (IOException | ClassNotFoundException e) {
                    throw new IllegalStateException("Cannot read the embedding cache " + path, e);
                }
            }
            return new RememberingModel(model, known, path);
        }

        void save() {
            if (file != null) {
                try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
                    out.writeObject(new HashMap<>(embeddings));
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot write the embedding cache " + file, e);
                }
            }
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<TextSegment> missing = segments.stream().filter(s -> !embeddings.containsKey(s.text())).distinct().toList();
            if (!missing.isEmpty()) {
                List<Embedding> computed = model.embedAll(missing).content();
                for (int i = 0; i < missing.size(); i++) {
                    embeddings.put(missing.get(i).text(), computed.get(i).vector());
                }
            }
            return Response.from(segments.stream().map(s -> Embedding.from(embeddings.get(s.text()))).toList());
        }
    }

    static InboundMessage message(Channel channel, String text) {
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
