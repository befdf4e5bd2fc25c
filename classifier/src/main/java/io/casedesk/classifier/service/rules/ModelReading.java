package io.casedesk.classifier.service.rules;

import io.casedesk.schema.Emotion;
import io.casedesk.schema.Intent;

import java.util.Map;

/**
 * What a model read in a message, handed to {@link LocalRulesTriageEngine#triage(io.casedesk.schema.InboundMessage,
 * ModelReading, String)} to be combined with the rules.
 *
 * @param intentProbabilities  the model's probability of each intent, summing to 1
 * @param emotion              the model's most likely emotion
 * @param emotionProbabilities the model's probability of each emotion, summing to 1
 */
public record ModelReading(Map<Intent, Double> intentProbabilities, Emotion emotion, Map<Emotion, Double> emotionProbabilities) {

    /** From this confidence on, a model's non-neutral emotion is taken when no emotion cue is in the text. */
    public static final double CONFIDENT = 0.5;

    /**
     * From this probability on, a model's suspicion of a complaint or of anger sends the message to a person even when
     * another label wins: needs-human is decided recall first, and a politely worded complaint reads close to its topic.
     */
    public static final double SUSPECTED = 0.3;

    public double emotionConfidence() {
        return emotionProbabilities.getOrDefault(emotion, 0.0);
    }

    public double probability(Intent intent) {
        return intentProbabilities.getOrDefault(intent, 0.0);
    }

    public double probability(Emotion emotion) {
        return emotionProbabilities.getOrDefault(emotion, 0.0);
    }
}
