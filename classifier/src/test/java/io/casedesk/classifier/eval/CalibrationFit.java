package io.casedesk.classifier.eval;

import io.casedesk.classifier.service.embedding.EmbeddingTriageEngine;
import io.casedesk.classifier.service.rules.Calibration;
import io.casedesk.classifier.service.rules.LocalRulesTriageEngine;
import io.casedesk.classifier.service.rules.ModelReading;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Triage;
import io.casedesk.schema.Urgency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Fits {@link Calibration} on out-of-fold predictions: each family's temperature by the smallest negative log-likelihood,
 * then the needs-human thresholds (the best precision at a needs-human recall of at least {@link #RECALL_FLOOR}: above
 * DESIGN's 0.95, for a margin on unseen text), then the second-request threshold (the lowest that names a second request
 * for at most {@link #SECOND_REQUEST_RATE} of one-request messages). Prints what it found.
 */
final class CalibrationFit {

    static final double RECALL_FLOOR = 0.97;
    static final double SECOND_REQUEST_RATE = 0.03;

    private CalibrationFit() {
    }

    static Calibration fit(List<TriageEvaluation.LabelledMessage> items, List<ModelReading> raw, List<SecondRequest> pairs,
                           List<ModelReading> pairReadings, LocalRulesTriageEngine rules) {
        double intentT = temperature(items, raw, "intent", r -> r.intentProbabilities(), Intent.class);
        double emotionT = temperature(items, raw, "emotion", r -> r.emotionProbabilities(), Emotion.class);
        double urgencyT = temperature(items, raw, "urgency", r -> r.urgencyProbabilities(), Urgency.class);
        double needsHumanT = temperature(items, raw, "needs_human",
                r -> Map.of("TRUE", r.needsHumanProbability(), "FALSE", 1 - r.needsHumanProbability()), null);
        Calibration tempered = Calibration.UNCALIBRATED.withTemperatures(intentT, emotionT, urgencyT, needsHumanT);
        System.out.printf(Locale.ROOT, "%n[calibration] temperatures: intent %.2f, emotion %.2f, urgency %.2f, needs_human %.2f%n",
                intentT, emotionT, urgencyT, needsHumanT);

        // Needs-human: what the rules and the combined labels route (thresholds out of reach), then the model's routing.
        Calibration never = tempered.withThresholds(2, 2, 2);
        List<Integer> labelled = new ArrayList<>();
        List<Boolean> base = new ArrayList<>();
        List<Triage> triages = new ArrayList<>();
        List<ModelReading> calibrated = new ArrayList<>();
        List<String> prepared = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).expected("needs_human").isEmpty()) {
                continue;
            }
            ModelReading reading = raw.get(i).calibrated(tempered);
            Triage triage = rules.triage(items.get(i).message(), reading, never, EmbeddingTriageEngine.NAME);
            labelled.add(i);
            prepared.add(LocalRulesTriageEngine.prepare(LocalRulesTriageEngine.readableText(items.get(i).message())));
            base.add(triage.needsHuman());
            triages.add(triage);
            calibrated.add(reading);
        }
        long basePositives = 0, baseCaught = 0, baseRouted = 0;
        for (int k = 0; k < labelled.size(); k++) {
            boolean expected = items.get(labelled.get(k)).expected("needs_human").equals("true");
            basePositives += expected ? 1 : 0;
            baseRouted += base.get(k) ? 1 : 0;
            baseCaught += expected && base.get(k) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "[calibration] needs-human by the rules and the labels alone: recall %.3f, precision %.3f%n",
                baseCaught / (double) basePositives, baseCaught / (double) Math.max(1, baseRouted));
        double bestT = 0.5;
        double bestS = 0.35;
        double bestPrecision = -1;
        System.out.println("[calibration] needs-human threshold, suspicion threshold, plain-question threshold -> recall, precision (best precision per threshold at recall >= " + RECALL_FLOOR + ")");
        double bestP = 0;
        for (double t = 0.05; t <= 0.901; t += 0.05) {
            double rowPrecision = -1;
            double rowS = 0;
            double rowP = t;
            double rowRecall = 0;
            for (double s = 0.05; s <= 1.001; s += 0.05) {
                for (double p = t; p <= 0.901; p += 0.05) {
                    long truePositives = 0;
                    long predicted = 0;
                    long positives = 0;
                    Calibration candidate = tempered.withThresholds(t, s, 2).withPlainQuestionThreshold(p);
                    for (int k = 0; k < labelled.size(); k++) {
                        boolean expected = items.get(labelled.get(k)).expected("needs_human").equals("true");
                        Triage triage = triages.get(k);
                        boolean routed = base.get(k) || !LocalRulesTriageEngine.modelRouting(calibrated.get(k),
                                triage.intent(), triage.emotion(), triage.urgency(), prepared.get(k), candidate).isEmpty();
                        positives += expected ? 1 : 0;
                        predicted += routed ? 1 : 0;
                        truePositives += expected && routed ? 1 : 0;
                    }
                    double recall = truePositives / (double) positives;
                    double precision = predicted == 0 ? 0 : truePositives / (double) predicted;
                    if (recall >= RECALL_FLOOR && precision > rowPrecision) {
                        rowPrecision = precision;
                        rowS = s;
                        rowP = p;
                        rowRecall = recall;
                    }
                }
            }
            if (rowPrecision >= 0) {
                System.out.printf(Locale.ROOT, "  %.2f, %.2f, %.2f -> %.3f, %.3f%n", t, rowS, rowP, rowRecall, rowPrecision);
            }
            if (rowPrecision > bestPrecision) {
                bestPrecision = rowPrecision;
                bestT = t;
                bestS = rowS;
                bestP = rowP;
            }
        }
        Calibration routed = tempered.withThresholds(bestT, bestS, 2).withPlainQuestionThreshold(bestP);
        double alsoAsks = SecondRequest.THRESHOLDS[SecondRequest.THRESHOLDS.length - 1];
        for (double threshold : SecondRequest.THRESHOLDS) {
            if (SecondRequest.rates(threshold, pairs, pairReadings, items, raw, rules, routed)[1] <= SECOND_REQUEST_RATE) {
                alsoAsks = threshold;
                break;
            }
        }
        Calibration result = routed.withThresholds(bestT, bestS, alsoAsks);
        System.out.printf(Locale.ROOT, "[calibration] fitted: new Calibration(%.2f, %.2f, %.2f, %.2f, %.2f, %.2f, %.2f, %.2f)%n",
                result.intentTemperature(), result.emotionTemperature(), result.urgencyTemperature(),
                result.needsHumanTemperature(), result.needsHumanThreshold(), result.suspicionThreshold(), result.alsoAsksThreshold(),
                result.plainQuestionThreshold());
        return result;
    }

    /** The temperature with the smallest mean negative log-likelihood of the expected labels, on a grid. */
    private static <L> double temperature(List<TriageEvaluation.LabelledMessage> items, List<ModelReading> raw, String family,
                                          Function<ModelReading, Map<L, Double>> probabilities, Class<?> type) {
        double best = 1;
        double bestLoss = Double.MAX_VALUE;
        for (double t = 0.3; t <= 4.001; t += 0.05) {
            double loss = 0;
            int n = 0;
            for (int i = 0; i < items.size(); i++) {
                String expected = items.get(i).expected(family);
                if (expected.isEmpty()) {
                    continue;
                }
                Map<L, Double> tempered = ModelReading.tempered(probabilities.apply(raw.get(i)), t);
                double p = tempered.entrySet().stream()
                        .filter(e -> e.getKey().toString().equalsIgnoreCase(expected))
                        .mapToDouble(Map.Entry::getValue).findFirst().orElse(1e-12);
                loss -= Math.log(Math.max(p, 1e-12));
                n++;
            }
            if (n > 0 && loss / n < bestLoss) {
                bestLoss = loss / n;
                best = t;
            }
        }
        return Math.round(best * 100) / 100.0;
    }
}
