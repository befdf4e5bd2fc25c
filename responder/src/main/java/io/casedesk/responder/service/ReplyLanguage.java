package io.casedesk.responder.service;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The languages answers are written in; anything else is answered in English. */
public enum ReplyLanguage {
    ZH_HANT("zh-Hant"), ZH_HANS("zh-Hans"), EN("en");

    /** What carries no language: case numbers, personal data, addresses, numbers, punctuation and symbols. */
    private static final Pattern NO_LANGUAGE = Pattern.compile(
            "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|https?://\\S+|[A-Za-z]?\\d[\\d\\s/:.-]*");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}{2,}");

    private final String tag;

    ReplyLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** Maps a BCP 47 tag such as {@code zh-TW}, {@code zh-Hant}, {@code zh-CN} or {@code en-GB}. */
    public static ReplyLanguage of(String bcp47) {
        if (bcp47 == null || bcp47.isBlank()) {
            return EN;
        }
        String tag = bcp47.toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) {
            boolean simplified = tag.contains("hans") || tag.endsWith("-cn") || tag.endsWith("-sg");
            return simplified ? ZH_HANS : ZH_HANT;
        }
        return EN;
    }

    /**
     * The language to answer a message in: the one detected in it when it says something in words; otherwise (only a
     * case number, digits, a code, an emoji) the writer's record's language, then the firm's first, then the
     * detected one. A Traditional Chinese client who sends "2026-FAM-0142 4821" is answered in Traditional Chinese.
     */
    public static ReplyLanguage forMessage(String detected, String text, String recordLanguage, List<String> firmLanguages) {
        boolean detectedNothing = detected == null || detected.isBlank() || detected.equalsIgnoreCase("und");
        if (!detectedNothing && hasWords(text)) {
            return of(detected);
        }
        if (recordLanguage != null && !recordLanguage.isBlank()) {
            return of(recordLanguage);
        }
        if (firmLanguages != null && !firmLanguages.isEmpty()) {
            return of(firmLanguages.get(0));
        }
        return of(detected);
    }

    /** Whether the text holds words of a language: a Chinese character, two Latin words or one of four letters. */
    static boolean hasWords(String text) {
        if (text == null) {
            return false;
        }
        String rest = NO_LANGUAGE.matcher(CaseNumbers.removedFrom(text)).replaceAll(" ");
        if (HAN.matcher(rest).find()) {
            return true;
        }
        Matcher words = LATIN_WORD.matcher(rest);
        int count = 0;
        while (words.find()) {
            if (words.group().length() >= 4 || ++count >= 2) {
                return true;
            }
        }
        return false;
    }
}
