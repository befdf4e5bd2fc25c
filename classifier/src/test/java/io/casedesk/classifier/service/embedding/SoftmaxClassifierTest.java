package io.casedesk.classifier.service.embedding;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SoftmaxClassifierTest {

    private static float[] unit(float x, float y, float z) {
        float norm = (float) Math.sqrt(x * x + y * y + z * z);
        return new float[]{x / norm, y / norm, z / norm};
    }

    private static Map<String, List<float[]>> threeDirections() {
        Map<String, List<float[]>> examples = new LinkedHashMap<>();
        examples.put("x", List.of(unit(1, 0.1f, 0), unit(1, 0, 0.2f), unit(0.9f, 0.2f, 0.1f)));
        examples.put("y", List.of(unit(0.1f, 1, 0), unit(0, 1, 0.1f)));
        examples.put("z", List.of(unit(0, 0.1f, 1), unit(0.2f, 0, 1), unit(0.1f, 0.1f, 0.9f), unit(0, 0, 1)));
        return examples;
    }

    @Test
    void labelsAVectorByTheDirectionItsExamplesShare() {
        SoftmaxClassifier<String> classifier = new SoftmaxClassifier<>(threeDirections());

        assertThat(classifier.classify(unit(0.8f, 0.3f, 0.1f)).label()).isEqualTo("x");
        assertThat(classifier.classify(unit(0.2f, 0.9f, 0.2f)).label()).isEqualTo("y");
        assertThat(classifier.classify(unit(0.1f, 0.2f, 0.8f)).label()).isEqualTo("z");
    }

    @Test
    void givesAProbabilityToEveryLabelThatSumsToOne() {
        var prediction = new SoftmaxClassifier<>(threeDirections()).classify(unit(1, 0, 0));

        assertThat(prediction.probabilities()).containsOnlyKeys("x", "y", "z");
        assertThat(prediction.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
        assertThat(prediction.confidence()).isEqualTo(prediction.probabilities().get("x")).isGreaterThan(0.5);
    }
}
