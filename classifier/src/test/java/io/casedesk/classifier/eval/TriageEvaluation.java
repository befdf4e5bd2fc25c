package io.casedesk.classifier.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.classifier.service.TriageEngine;
import io.casedesk.classifier.service.embedding.EmbeddingTriageEngine;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation command: {@code ./mvnw -B -o verify -pl classifier -Deval [-Deval.file=<jsonl>]
 * [-Deval.engine=local|local-rules|openai]}. Runs one engine over a labelled JSONL file (default the dev set of
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
            InboundMessage message = new InboundMessage(channel, MessageKind.TEXT, "evaluation", null, null,
                    item.path("text").asText(), List.of(), Instant.now(), null, null);
            items.add(new LabelledMessage(item, message));
        }
        return items;
    }

    record LabelledMessage(JsonNode labels, InboundMessage message) {
        String expected(String family) {
            return labels.path(family).asText();
        }
    }
}
