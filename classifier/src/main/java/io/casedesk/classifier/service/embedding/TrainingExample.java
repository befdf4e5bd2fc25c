package io.casedesk.classifier.service.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One labelled message the embedding engine learns from. The examples live in {@code triage-training.jsonl} on the
 * class path, one JSON object a line: {@code {"intent": "billing", "emotion": "neutral", "text": "..."}}.
 */
public record TrainingExample(String text, Intent intent, Emotion emotion) {

    public static final String DEFAULT_RESOURCE = "triage-training.jsonl";

    public static List<TrainingExample> load(String resource) {
        InputStream in = TrainingExample.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("No training examples at class path resource " + resource);
        }
        ObjectMapper mapper = new ObjectMapper();
        List<TrainingExample> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode item = mapper.readTree(line);
                examples.add(new TrainingExample(item.path("text").asText(),
                        Intent.valueOf(item.path("intent").asText().toUpperCase(Locale.ROOT)),
                        Emotion.valueOf(item.path("emotion").asText("neutral").toUpperCase(Locale.ROOT))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read training examples " + resource, e);
        }
        return List.copyOf(examples);
    }
}
