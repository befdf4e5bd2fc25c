package io.casedesk.classifier.eval;

import io.casedesk.classifier.service.embedding.TrainingExample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Folds of whole groups (scenarios): no group is split between folds. */
final class GroupedFolds {

    private GroupedFolds() {
    }

    /**
     * The groups in a seeded random order, each put into the fold that has the fewest examples so far, so the folds are of
     * about equal size.
     */
    static List<List<TrainingExample>> split(List<TrainingExample> examples, int folds, long seed) {
        Map<String, List<TrainingExample>> groups = new LinkedHashMap<>();
        examples.forEach(example -> groups.computeIfAbsent(example.group(), group -> new ArrayList<>()).add(example));
        List<List<TrainingExample>> shuffled = new ArrayList<>(groups.values());
        Collections.shuffle(shuffled, new Random(seed));
        List<List<TrainingExample>> result = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            result.add(new ArrayList<>());
        }
        for (List<TrainingExample> group : shuffled) {
            result.stream().min((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow().addAll(group);
        }
        return result;
    }
}
