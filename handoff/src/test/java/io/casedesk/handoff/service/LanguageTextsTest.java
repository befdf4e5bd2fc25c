package io.casedesk.handoff.service;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTextsTest {

    private final Map<String, String> texts = Map.of("zh-Hant", "繁體", "zh-Hans", "简体", "en", "English");

    @Test
    void picksTheCustomersLanguageThenItsFamilyThenEnglish() {
        assertThat(LanguageTexts.pick(texts, "zh-Hant")).isEqualTo("繁體");
        assertThat(LanguageTexts.pick(texts, "zh-Hans")).isEqualTo("简体");
        assertThat(LanguageTexts.pick(texts, "en")).isEqualTo("English");
        assertThat(LanguageTexts.pick(texts, "ja")).isEqualTo("English");
        assertThat(LanguageTexts.pick(Map.of("zh-Hant", "繁體", "en", "English"), "zh-Hans")).isEqualTo("繁體");
        assertThat(LanguageTexts.pick(Map.of("zh-Hant", "繁體"), "en")).isEqualTo("繁體");
        assertThat(LanguageTexts.pick(texts, null)).isEqualTo("繁體");
        assertThat(LanguageTexts.pick(Map.of(), "en")).isNull();
    }
}
