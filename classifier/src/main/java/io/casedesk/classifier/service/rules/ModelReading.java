package io.casedesk.classifier.service.rules;

import io.casedesk.schema.Emotion;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Urgency;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a model read in a message, handed to {@link LocalRulesTriageEngine#triage(io.casedesk.schema.InboundMessage,
 * ModelReading, Calibration, String)} to be combined with the rules.
 *
 * @param intentProbabilities  the model's probability of each intent, summing to 1
 * @param emotionProbabilities the model's probability of each emotion, summing to 1
 * @param urgencyProbabilities the model's probability of each urgency, summing to 1
 * @param needsHumanProbability the model's probability that a person must see the message
 * @param segmentIntents       for a message of several sentences, each intent that is the most likely one of a sentence
 *                             read on its own, with its highest probability there (for a second request)
 */
public record ModelReading(Map<Intent, Double> intentProbabilities, Map<Emotion, Double> emotionProbabilities,
                           Map<Urgency, Double> urgencyProbabilities, double needsHumanProbability,
                           Map<Intent, Double> segmentIntents) {

    public ModelReading {
        segmentIntents = segmentIntents == null ? Map.of() : segmentIntents;
    }

    /** A reading of a message taken as a whole, without sentences read on their own. */
    public ModelReading(Map<Intent, Double> intentProbabilities, Map<Emotion, Double> emotionProbabilities,
                        Map<Urgency, Double> urgencyProbabilities, double needsHumanProbability) {
        this(intentProbabilities, emotionProbabilities, urgencyProbabilities, needsHumanProbability, Map.of());
    }

    public Emotion emotion() {
        return emotionProbabilities.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Emotion.NEUTRAL);
    }

    public double emotionConfidence() {
        return emotionProbabilities.getOrDefault(emotion(), 0.0);
    }

    public double probability(Intent intent) {
        return intentProbabilities.getOrDefault(intent, 0.0);
    }

    public double probability(Emotion emotion) {
        return emotionProbabilities.getOrDefault(emotion, 0.0);
    }

    public double probability(Urgency urgency) {
        return urgencyProbabilities.getOrDefault(urgency, 0.0);
    }

    /** The reading with each family's probabilities scaled by the calibration's temperatures. */
    public ModelReading calibrated(Calibration calibration) {
        double yes = needsHumanProbability;
        Map<Boolean, Double> needsHuman = tempered(Map.of(true, yes, false, 1 - yes), calibration.needsHumanTemperature());
        return new ModelReading(tempered(intentProbabilities, calibration.intentTemperature()),
                tempered(emotionProbabilities, calibration.emotionTemperature()),
                tempered(urgencyProbabilities, calibration.urgencyTemperature()), needsHuman.get(true), segmentIntents);
    }

    /** Temperature scaling of probabilities: softmax(log p / T), the same as dividing the logits by T. */
    public static <L> Map<L, Double> tempered(Map<L, Double> probabilities, double temperature) {
        Map<L, Double> result = probabilities.keySet().iterator().next() instanceof Enum<?>
                ? newMapLike(probabilities) : new java.util.HashMap<>();
        double sum = 0;
        for (Map.Entry<L, Double> entry : probabilities.entrySet()) {
            double value = temperature == 1.0 ? entry.getValue() : Math.pow(Math.max(entry.getValue(), 1e-12), 1 / temperature);
            result.put(entry.getKey(), value);
            sum += value;
        }
        for (Map.Entry<L, Double> entry : result.entrySet()) {
            entry.setValue(entry.getValue() / sum);
        }
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <L> Map<L, Double> newMapLike(Map<L, Double> probabilities) {
        Class type = ((Enum<?>) probabilities.keySet().iterator().next()).getDeclaringClass();
        return new EnumMap(type);
    }
}
