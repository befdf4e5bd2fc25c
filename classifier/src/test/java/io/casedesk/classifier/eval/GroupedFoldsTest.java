package io.casedesk.classifier.eval;

import io.casedesk.classifier.service.embedding.TrainingExample;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GroupedFoldsTest {

    @Test
    void noScenarioIsInTwoFoldsAndTheFoldsAreOfAboutEqualSize() {
        List<TrainingExample> examples = TrainingExample.loadDefault();

        List<List<TrainingExample>> folds = GroupedFolds.split(examples, 5, 7);

        assertThat(folds).hasSize(5);
        assertThat(folds.stream().mapToInt(List::size).sum()).isEqualTo(examples.size());
        Set<String> seen = new HashSet<>();
        for (List<TrainingExample> fold : folds) {
            Set<String> groups = fold.stream().map(TrainingExample::group).collect(Collectors.toSet());
            assertThat(groups).noneMatch(seen::contains);
            seen.addAll(groups);
            assertThat(fold.size()).isBetween(examples.size() / 5 - 60, examples.size() / 5 + 60);
        }
    }

    @Test
    void examplesWithoutAScenarioAreGroupedByBlocksOfTenLines() {
        List<TrainingExample> first = TrainingExample.load("triage-training.jsonl");

        assertThat(first.get(0).group()).isEqualTo(first.get(9).group()).isNotEqualTo(first.get(10).group());
        assertThat(first.get(0).urgency()).isNull();
        assertThat(TrainingExample.load("triage-training-a.jsonl").get(0).group()).doesNotContain(".jsonl");
    }
}
