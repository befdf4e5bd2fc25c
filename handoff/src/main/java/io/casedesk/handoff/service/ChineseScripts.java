package io.casedesk.handoff.service;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional and Simplified Chinese, by ICU4J's transliterators (the conversion tables the responder's search and the
 * classifier's tests already use): a text's language when nothing else tells it, and a draft in the other script.
 * Character by character, so a word whose Taiwan and mainland forms differ ({@code 軟體} / {@code 软件}) keeps its
 * Taiwan form, and {@code 諮詢} becomes {@code 谘询} where mainland usage writes {@code 咨询}: a converted draft is read
 * by a supervisor before it is published.
 */
public final class ChineseScripts {

    /** A Transliterator is not safe to share across threads. */
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private static final ThreadLocal<Transliterator> TO_TRADITIONAL =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Simplified-Traditional"));

    private ChineseScripts() {
    }

    public static String toSimplified(String text) {
        return TO_SIMPLIFIED.get().transliterate(text);
    }

    public static String toTraditional(String text) {
        return TO_TRADITIONAL.get().transliterate(text);
    }

    /**
     * {@code en} for a text without Chinese characters; {@code zh-Hans} when it has Simplified forms and no Traditional
     * ones; else {@code zh-Hant} (the firm's default, also for characters both scripts share).
     */
    public static String languageOf(String text) {
        if (text == null || text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return "en";
        }
        boolean traditionalForms = !toSimplified(text).equals(text);
        boolean simplifiedForms = !toTraditional(text).equals(text);
        return simplifiedForms && !traditionalForms ? "zh-Hans" : "zh-Hant";
    }
}
