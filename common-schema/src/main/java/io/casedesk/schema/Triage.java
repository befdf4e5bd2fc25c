package io.casedesk.schema;

import java.util.List;
import java.util.Map;

/**
 * The classifier's labels for one message (DESIGN §3).
 *
 * @param language   BCP 47 tag, e.g. {@code zh-Hant}, {@code zh-Hans}, {@code en}
 * @param confidence per label family ({@code intent}, {@code emotion}, {@code urgency}, {@code needs_human},
 *                   {@code language}), from 0 to 1
 * @param engine     which engine produced the labels, e.g. {@code local-rules}, {@code openai:gpt-4o-mini}
 * @param reasons    short machine-readable reasons, e.g. {@code needs_human:explicit_request}
 */
public record Triage(
        Intent intent,
        Emotion emotion,
        Urgency urgency,
        boolean needsHuman,
        String language,
        Map<String, Double> confidence,
        String engine,
        List<String> reasons) {

    public Triage {
        confidence = confidence == null ? Map.of() : Map.copyOf(confidence);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
