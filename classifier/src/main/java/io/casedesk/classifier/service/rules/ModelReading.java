package io.casedesk.classifier.service.rules;

import io.casedesk.schema.Emotion;
import io.casedesk.schema.Intent;

import java.util.Map;

/**
 * What a model read in a message, handed to {@link LocalRulesTriageEngine#triage(io.casedesk.schema.InboundMessage,
 * ModelReading, String)} to be combined with the rules.
 *
 * @param intentProbabilities the model's probability of each intent, summing to 1
 * @param emotionConfidence   from 0 to 1
 */
public record ModelReading(Map<Intent, Double> intentProbabilities, Emotion emotion, double emotionConfidence) {

    /** From this confidence on, a model's non-neutral emotion is taken when no emotion cue is in the text. */
    public static final double CONFIDENT = 0.5;
}
