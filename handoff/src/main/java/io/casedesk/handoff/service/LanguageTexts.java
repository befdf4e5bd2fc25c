package io.casedesk.handoff.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the text for a customer's language from texts keyed by language tag: the exact tag, then its
 * family ({@code zh-Hans} falls back to {@code zh-Hant} and the other way round), then English, then any.
 */
public final class LanguageTexts {

    public static String pick(Map<String, String> texts, String language) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        String wanted = language == null ? "" : language;
        for (String candidate : List.of(wanted, primary(wanted), "zh-Hant", "zh-Hans", "en")) {
            for (Map.Entry<String, String> entry : texts.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(candidate) && entry.getValue() != null && !entry.getValue().isBlank()) {
                    if (candidate.startsWith("zh") && !wanted.toLowerCase(Locale.ROOT).startsWith("zh") && !wanted.isEmpty()) {
                        continue; // a non-Chinese writer gets English before Chinese
                    }
                    return entry.getValue();
                }
            }
        }
        return texts.values().stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    private static String primary(String language) {
        int dash = language.indexOf('-');
        return dash > 0 ? language.substring(0, dash) : language;
    }

    private LanguageTexts() {
    }
}
