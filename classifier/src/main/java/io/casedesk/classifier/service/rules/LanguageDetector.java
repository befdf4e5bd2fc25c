package io.casedesk.classifier.service.rules;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells {@code zh-Hant}, {@code zh-Hans} and {@code en} apart (and {@code ja}, {@code ko}) by counting
 * scripts. Mixed text takes its dominant script, counting a Chinese character as much as an English word,
 * so "我想直接跟 lawyer 談" is Chinese and "Thanks, 王小明" at the end of an English email is not.
 * Traditional and Simplified are told apart by the characters only one of them uses; text without such
 * characters takes the channel's language hint, or the configured default.
 */
final class LanguageDetector {

    static final String TRADITIONAL_CHINESE = "zh-Hant";
    static final String SIMPLIFIED_CHINESE = "zh-Hans";
    static final String ENGLISH = "en";
    static final String UNDETERMINED = "und";

    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}+");
    /** How a chat export writes a sticker or an emoji it cannot show: no word of the writer's. */
    private static final Pattern STICKER = Pattern.compile("(?i)[(\\[](?:sticker|stickers|emoji|image|photo|貼圖|贴图|表情)[)\\]]");

    /** A guess with its confidence and the reason, e.g. {@code han_traditional}. */
    record Guess(String language, double confidence, String reason) {
    }

    private final String defaultChineseScript;

    /** @param defaultChineseScript {@code zh-Hant} or {@code zh-Hans}, for Chinese text that fits both */
    LanguageDetector(String defaultChineseScript) {
        if (!TRADITIONAL_CHINESE.equals(defaultChineseScript) && !SIMPLIFIED_CHINESE.equals(defaultChineseScript)) {
            throw new IllegalArgumentException("The default Chinese script must be zh-Hant or zh-Hans, not "
                    + defaultChineseScript);
        }
        this.defaultChineseScript = defaultChineseScript;
    }

    /**
     * Case numbers, e-mail addresses, ids and the like are masked first ({@link MessageMasker}): "2026-FAM-0142" says
     * nothing of the writer's language, so a message of a case number and digits alone has no script.
     */
    Guess detect(String rawText, String languageHint) {
        String text = STICKER.matcher(MessageMasker.withoutPlaceholders(rawText)).replaceAll(" ");
        ScriptCounts counts = ScriptCounts.of(text);
        int latinWords = (int) LATIN_WORD.matcher(text).results().count();
        int cjk = counts.han + counts.kana;
        if (counts.hangul > 0 && counts.hangul >= cjk && counts.hangul >= latinWords) {
            return new Guess("ko", share(counts.hangul, cjk + latinWords), "script_hangul");
        }
        // Japanese mixes kana with Chinese characters; a stray の in Chinese text does not make it Japanese.
        if (counts.kana > 0 && counts.kana * 4 >= counts.han && cjk >= latinWords) {
            return new Guess("ja", share(cjk, latinWords + counts.hangul), "script_kana");
        }
        if (counts.han > 0 && counts.han >= latinWords) {
            return chinese(counts, languageHint, latinWords);
        }
        if (latinWords > 0) {
            return new Guess(ENGLISH, share(latinWords, counts.han), "script_latin");
        }
        String hint = fromHint(languageHint);
        return hint == null ? new Guess(UNDETERMINED, 0.0, "no_script") : new Guess(hint, 0.6, "channel_hint");
    }

    private Guess chinese(ScriptCounts counts, String languageHint, int latinWords) {
        double scriptShare = share(counts.han, latinWords);
        if (counts.traditional != counts.simplified) {
            boolean traditional = counts.traditional > counts.simplified;
            double variantShare = share(Math.max(counts.traditional, counts.simplified),
                    Math.min(counts.traditional, counts.simplified));
            // One telling character is weaker evidence than several.
            double evidence = Math.min(1.0, 0.7 + 0.1 * Math.abs(counts.traditional - counts.simplified));
            return new Guess(traditional ? TRADITIONAL_CHINESE : SIMPLIFIED_CHINESE,
                    round(scriptShare * variantShare * evidence), traditional ? "han_traditional" : "han_simplified");
        }
        String hint = fromHint(languageHint);
        if (TRADITIONAL_CHINESE.equals(hint) || SIMPLIFIED_CHINESE.equals(hint)) {
            return new Guess(hint, round(scriptShare * 0.7), "han_shared_channel_hint");
        }
        return new Guess(defaultChineseScript, round(scriptShare * 0.5), "han_shared_default");
    }

    /** The script a channel's language tag implies: zh-TW and zh-HK are Traditional, zh-CN and zh-SG Simplified. */
    static String fromHint(String languageHint) {
        if (languageHint == null || languageHint.isBlank()) {
            return null;
        }
        String tag = languageHint.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) {
            if (tag.contains("hant") || tag.endsWith("-tw") || tag.endsWith("-hk") || tag.endsWith("-mo")) {
                return TRADITIONAL_CHINESE;
            }
            return tag.contains("hans") || tag.endsWith("-cn") || tag.endsWith("-sg") ? SIMPLIFIED_CHINESE : null;
        }
        return Locale.forLanguageTag(tag).getLanguage().isEmpty() ? null : Locale.forLanguageTag(tag).getLanguage();
    }

    private static double share(int winner, int others) {
        return round(winner / (double) (winner + others));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** How many characters of each script a text holds. */
    private record ScriptCounts(int han, int kana, int hangul, int traditional, int simplified) {
        static ScriptCounts of(String text) {
            int han = 0;
            int kana = 0;
            int hangul = 0;
            int traditional = 0;
            int simplified = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int c = text.codePointAt(i);
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.HAN) {
                    han++;
                    traditional += ChineseScript.isTraditionalOnly(c) ? 1 : 0;
                    simplified += ChineseScript.isSimplifiedOnly(c) ? 1 : 0;
                } else if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                    kana++;
                } else if (script == Character.UnicodeScript.HANGUL) {
                    hangul++;
                }
            }
            return new ScriptCounts(han, kana, hangul, traditional, simplified);
        }
    }
}
