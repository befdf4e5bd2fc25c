package io.casedesk.classifier.service.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Urgency;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One labelled message the embedding engine learns from. The examples live in JSONL files on the class path
 * ({@link #DEFAULT_RESOURCES}), one JSON object a line: {@code {"scenario": "a-divorce-mediation", "channel": "line",
 * "intent": "billing", "emotion": "neutral", "urgency": "low", "needs_human": false, "text": "..."}}. The first
 * examples carry intent and emotion only; urgency and needs-human are then {@code null} and those models learn without
 * them.
 *
 * @param group the scenario the example belongs to: cross-validation never puts one scenario on both sides. Examples
 *              without a scenario get one group per {@value #LINES_PER_GROUP} consecutive lines of their file, since
 *              neighbouring lines were written together.
 */
public record TrainingExample(String text, Intent intent, Emotion emotion, Urgency urgency, Boolean needsHuman, String group) {

    /** The first examples (intent and emotion only), then the examples written with all labels and scenario ids. */
    public static final List<String> DEFAULT_RESOURCES = List.of(
            "triage-training.jsonl", "triage-training-a.jsonl", "triage-training-b.jsonl", "triage-training-c.jsonl");

    static final int LINES_PER_GROUP = 10;

    /** An example with intent and emotion only, in a group of its own. */
    public TrainingExample(String text, Intent intent, Emotion emotion) {
        this(text, intent, emotion, null, null, "single:" + text.hashCode());
    }

    public static List<TrainingExample> loadDefault() {
        List<TrainingExample> all = new ArrayList<>();
        DEFAULT_RESOURCES.forEach(resource -> all.addAll(load(resource)));
        return List.copyOf(all);
    }

    public static List<TrainingExample> load(String resource) {
        InputStream in = TrainingExample.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("No training examples at class path resource " + resource);
        }
        ObjectMapper mapper = new ObjectMapper();
        List<TrainingExample> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode item = mapper.readTree(line);
                String scenario = item.path("scenario").asText("");
                String group = scenario.isBlank() ? resource + ":" + (lineNumber - 1) / LINES_PER_GROUP : scenario;
                examples.add(new TrainingExample(item.path("text").asText(),
                        Intent.valueOf(upper(item.path("intent").asText())),
                        Emotion.valueOf(upper(item.path("emotion").asText("neutral"))),
                        item.hasNonNull("urgency") ? Urgency.valueOf(upper(item.path("urgency").asText())) : null,
                        item.hasNonNull("needs_human") ? item.path("needs_human").asBoolean() : null,
                        group));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read training examples " + resource + ": " + e.getMessage(), e);
        }
        return List.copyOf(examples);
    }

    private static String upper(String label) {
        return label.toUpperCase(Locale.ROOT);
    }
}
