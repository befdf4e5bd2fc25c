package io.casedesk.responder.service;

import java.util.Locale;

/** The languages answers are written in; anything else is answered in English. */
public enum ReplyLanguage {
    ZH_HANT("zh-Hant"), ZH_HANS("zh-Hans"), EN("en");

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
}
