package io.casedesk.classifier.service.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels a normalised embedding by its nearest labelled examples: each label scores the mean cosine similarity of its
 * {@code k} most similar examples, so a label with many examples has no advantage over one with few, and one odd
 * example cannot decide alone. The confidence is a softmax over those scores.
 */
final class NearestExamplesClassifier<L> {

    /** Cosine similarities of this model lie close together; a low temperature spreads them into a usable confidence. */
    private static final double TEMPERATURE = 0.02;

    private final Map<L, float[][]> examplesByLabel;
    private final int k;

    NearestExamplesClassifier(Map<L, List<float[]>> examplesByLabel, int k) {
        this.examplesByLabel = new LinkedHashMap<>();
        examplesByLabel.forEach((label, vectors) -> this.examplesByLabel.put(label, vectors.toArray(float[][]::new)));
        this.k = k;
    }

    Prediction<L> classify(float[] vector) {
        List<L> labels = new ArrayList<>(examplesByLabel.keySet());
        double[] scores = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            scores[i] = meanOfTopSimilarities(vector, examplesByLabel.get(labels.get(i)));
        }
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        double[] weights = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            weights[i] = Math.exp((scores[i] - scores[best]) / TEMPERATURE);
            sum += weights[i];
        }
        Map<L, Double> probabilities = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            probabilities.put(labels.get(i), weights[i] / sum);
        }
        return new Prediction<>(labels.get(best), weights[best] / sum, probabilities);
    }

    private double meanOfTopSimilarities(float[] vector, float[][] examples) {
        double[] similarities = new double[examples.length];
        for (int i = 0; i < examples.length; i++) {
            similarities[i] = dot(vector, examples[i]);
        }
        Arrays.sort(similarities);
        int taken = Math.min(k, similarities.length);
        double total = 0;
        for (int i = similarities.length - taken; i < similarities.length; i++) {
            total += similarities[i];
        }
        return total / taken;
    }

    private static double dot(float[] a, float[] b) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += a[i] * b[i];
        }
        return total;
    }

    /**
     * @param confidence    the softmax share of the label, from 0 to 1
     * @param probabilities the softmax share of every label
     */
    record Prediction<L>(L label, double confidence, Map<L, Double> probabilities) {
    }
}
