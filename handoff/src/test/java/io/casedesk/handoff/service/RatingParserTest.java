package io.casedesk.handoff.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RatingParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5|5", "1|1", " 3 |3", "５|5", "１|1", "五|5", "一|1", "三|3", "5分|5", "4 分|4", "５分|5", "5 stars|5",
            "1 star|1", "5 Stars!|5", "4/5|4", "3顆星|3", "2星|2", "5。|5", "5!|5", "⭐⭐⭐⭐|4", "★★★★★|5"})
    void readsARating(String text, int rating) {
        assertThat(RatingParser.parse(text)).hasValue(rating);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "6", "10", "55", "5 5", "ok", "我要找律師", "5 stars but slow", "給你五分吧謝謝",
            "2026-FAM-0142", "⭐⭐⭐⭐⭐⭐"})
    void anythingElseIsNotARating(String text) {
        assertThat(RatingParser.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nullIsNotARating() {
        assertThat(RatingParser.parse(null)).isEmpty();
    }
}
