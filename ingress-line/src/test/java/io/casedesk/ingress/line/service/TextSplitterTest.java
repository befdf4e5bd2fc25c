package io.casedesk.ingress.line.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextSplitterTest {

    @Test
    void textsWithinTheLimitsAreLeftAlone() {
        assertThat(TextSplitter.split(List.of("您好", "x".repeat(5000))))
                .isEqualTo(new TextSplitter.Split(List.of("您好", "x".repeat(5000)), false));
    }

    @Test
    void aLongTextIsSplitAfterTheLastSentenceEndThatFits() {
        String first = "a".repeat(4000) + "！";
        String second = "b".repeat(2000) + "？";
        String third = "c".repeat(10);

        assertThat(TextSplitter.split(List.of(first + second + third)).texts())
                .containsExactly(first, second + third);
    }

    @Test
    void asciiMarksEndASentenceOnlyBeforeWhiteSpaceAndNewlinesAlwaysDo() {
        String withDecimal = "x".repeat(3000) + "Fee 3.5 units. " + "y".repeat(1000) + "\n" + "z".repeat(2000);

        assertThat(TextSplitter.split(List.of(withDecimal)).texts()).containsExactly(
                "x".repeat(3000) + "Fee 3.5 units. " + "y".repeat(1000) + "\n", "z".repeat(2000));
        assertThat(TextSplitter.split(List.of("x".repeat(4990) + "v1.2" + "y".repeat(100))).texts())
                .extracting(String::length).containsExactly(5000, 94);
    }

    @Test
    void withoutABoundaryTheTextIsCutAtTheLimitButNeverInsideASurrogatePair() {
        String emoji = "😀";
        String text = "a".repeat(4999) + emoji + "b";

        List<String> parts = TextSplitter.split(List.of(text)).texts();

        assertThat(parts).containsExactly("a".repeat(4999), emoji + "b");
    }

    @Test
    void moreThanFiveMessagesAreCutOffWithAnEllipsis() {
        TextSplitter.Split split = TextSplitter.split(List.of("一。", "二。", "三。", "四。", "x".repeat(5000) + "y"));

        assertThat(split.truncated()).isTrue();
        assertThat(split.texts()).hasSize(5);
        assertThat(split.texts().get(4)).hasSize(5000).endsWith("x…");
    }
}
