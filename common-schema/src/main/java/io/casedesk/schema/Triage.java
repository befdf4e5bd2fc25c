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
 * @param alsoAsks   a second request the message makes besides its intent (a record update that also asks for
 *                   news: {@code account}, also {@code case_status}), {@code null} when there is none or the
 *                   engine does not tell
 */
public record Triage(
        Intent intent,
        Emotion emotion,
        Urgency urgency,
        boolean needsHuman,
        String language,
        Map<String, Double> confidence,
        String engine,
        List<String> reasons,
        Intent alsoAsks) {

    public Triage {
        confidence = confidence == null ? Map.of() : Map.copyOf(confidence);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** A triage of one request. */
    public Triage(Intent intent, Emotion emotion, Urgency urgency, boolean needsHuman, String language,
                  Map<String, Double> confidence, String engine, List<String> reasons) {
        this(intent, emotion, urgency, needsHuman, language, confidence, engine, reasons, null);
    }

    /** The same labels, with {@code other} as the second request. */
    public Triage withAlsoAsks(Intent other) {
        return new Triage(intent, emotion, urgency, needsHuman, language, confidence, engine, reasons, other);
    }
}
