package io.casedesk.classifier.service.embedding;

import java.util.Map;

/**
 * A classifier's reading of one input.
 *
 * @param label         the most likely label
 * @param confidence    its probability, from 0 to 1
 * @param probabilities the probability of every label, summing to 1
 */
record Prediction<L>(L label, double confidence, Map<L, Double> probabilities) {
}
