package io.casedesk.classifier.service.embedding;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextFeaturesTest {

    @Test
    void traditionalAndSimplifiedGiveTheSameFeatures() {
        assertThat(TextFeatures.of("帳單開錯了，請重開發票", 1).indices())
                .containsExactly(TextFeatures.of("账单开错了，请重开发票", 1).indices());
    }

    @Test
    void chineseGivesCharactersAndAdjacentPairsOnce() {
        // 退, 費, 退費; the repeated "退費" adds nothing.
        assertThat(TextFeatures.of("退費 退費", 1).indices()).hasSize(3);
        // Punctuation ends a run: 退 and 費, no pair across "，".
        assertThat(TextFeatures.of("退，費", 1).indices()).hasSize(2);
    }

    @Test
    void englishGivesWordsAndAdjacentPairsCaseInsensitively() {
        assertThat(TextFeatures.of("Wrong invoice", 1).indices())
                .containsExactly(TextFeatures.of("wrong  INVOICE", 1).indices())
                .hasSize(3);
    }

    @Test
    void hasTheGivenLengthAndNothingForNoWords() {
        TextFeatures features = TextFeatures.of("我要投訴 this service", 2);
        double norm = 0;
        for (float value : features.values()) {
            norm += value * value;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(2, within(1e-6));
        assertThat(TextFeatures.of("123 !!!", 1).indices()).isEmpty();
        assertThat(TextFeatures.of("退費", 0)).isSameAs(TextFeatures.NONE);
    }

    @Test
    void softmaxLearnsFromTheFeaturesWhereTheVectorsAgree() {
        float[] same = {1, 0};
        Map<String, List<SoftmaxClassifier.Input>> examples = new LinkedHashMap<>();
        examples.put("billing", List.of(new SoftmaxClassifier.Input(same, TextFeatures.of("發票 invoice", 1)),
                new SoftmaxClassifier.Input(same, TextFeatures.of("請款單 invoice", 1))));
        examples.put("complaint", List.of(new SoftmaxClassifier.Input(same, TextFeatures.of("投訴 complaint", 1)),
                new SoftmaxClassifier.Input(same, TextFeatures.of("不滿 complaint", 1))));
        SoftmaxClassifier<String> classifier = new SoftmaxClassifier<>(examples, TextFeatures.BUCKETS);

        assertThat(classifier.classify(new SoftmaxClassifier.Input(same, TextFeatures.of("invoice", 1))).label())
                .isEqualTo("billing");
        assertThat(classifier.classify(new SoftmaxClassifier.Input(same, TextFeatures.of("complaint", 1))).label())
                .isEqualTo("complaint");
    }
}
