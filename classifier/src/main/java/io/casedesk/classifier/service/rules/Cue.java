package io.casedesk.classifier.service.rules;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One lexicon entry: a phrase (Chinese in either script, or English words) or a regular expression, found in
 * a message unless the words right before it negate it ("不擔心", "not urgent").
 * <p>
 * Chinese phrases match anywhere, as Chinese has no spaces; English phrases match whole words, and a
 * trailing {@code *} matches any ending ("reschedul*" finds "rescheduled"). Both sides are compared in
 * the form {@link #prepare(String)} gives.
 */
final class Cue {

    /** Characters that negate the Chinese phrase they precede (after folding: 不, 没/沒, 未, 无/無, 别/別). */
    private static final String CHINESE_NEGATIONS = "不没未无别";
    private static final int CHINESE_NEGATION_WINDOW = 2;
    private static final Pattern ENGLISH_WORD = Pattern.compile("[a-z']+");
    private static final Set<String> ENGLISH_NEGATIONS = Set.of("not", "no", "never", "without");
    private static final int ENGLISH_NEGATION_WINDOW = 2;
    private static final int ENGLISH_LOOKBACK_CHARS = 40;
    private static final Pattern LATIN_LETTER = Pattern.compile("[a-z]");
    /** Punctuation ends a clause; full-width marks are ASCII by now, except these two. */
    private static final Pattern CLAUSE_END = Pattern.compile("[.,;:!?。、]");

    private final String text;
    private final Pattern pattern;
    /** A word every match contains; most messages lack it, and looking for it is far cheaper than the pattern. */
    private final String requiredWord;

    private Cue(String text, Pattern pattern, String requiredWord) {
        this.text = text;
        this.pattern = pattern;
        this.requiredWord = requiredWord;
    }

    /** A phrase; see the class comment for how it matches. */
    static Cue phrase(String phrase) {
        String prepared = prepare(phrase);
        if (!LATIN_LETTER.matcher(prepared).find()) {
            return new Cue(prepared, null, null);
        }
        boolean anyEnding = prepared.endsWith("*");
        String words = anyEnding ? prepared.substring(0, prepared.length() - 1) : prepared;
        String[] split = words.split(" ");
        String body = String.join("\\s+", Arrays.stream(split).map(Pattern::quote).toList());
        return new Cue(prepared, Pattern.compile("(?<![a-z0-9])" + body + (anyEnding ? "[a-z]*" : "") + "(?![a-z0-9])"),
                split[0]);
    }

    /** A regular expression over prepared text, for phrasings with a gap ("跟 ... 談"). */
    static Cue regex(String regex) {
        String prepared = prepare(regex);
        return new Cue(prepared, Pattern.compile(prepared), null);
    }

    /**
     * Text in the form the lexicon is matched against: compatibility forms unified (full-width letters and
     * digits to ASCII), lower case, Traditional folded onto Simplified, white space collapsed.
     */
    static String prepare(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('\u2019', '\'')
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .trim();
        return ChineseScript.foldToSimplified(normalized);
    }

    /** Whether the cue occurs in {@code preparedText} at least once without a negation right before it. */
    boolean foundIn(String preparedText) {
        if (pattern == null) {
            for (int at = preparedText.indexOf(text); at >= 0; at = preparedText.indexOf(text, at + 1)) {
                if (!negatedInChinese(preparedText, at)) {
                    return true;
                }
            }
            return false;
        }
        if (requiredWord != null && !preparedText.contains(requiredWord)) {
            return false;
        }
        Matcher matcher = pattern.matcher(preparedText);
        while (matcher.find()) {
            if (!negatedInEnglish(preparedText, matcher.start())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean negatedInChinese(String text, int at) {
        int clauseStart = at - clauseBefore(text, at, CHINESE_NEGATION_WINDOW).length();
        for (int i = clauseStart; i < at; i++) {
            if (CHINESE_NEGATIONS.indexOf(text.charAt(i)) >= 0 && !inAnANotAQuestion(text, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the negation at {@code i} sits between a verb and its repetition ("有沒有", "會不會", "是不是"): that form
     * asks a question, so "有沒有真人" still asks for a person.
     */
    private static boolean inAnANotAQuestion(String text, int i) {
        return i > 0 && i + 1 < text.length() && text.charAt(i - 1) == text.charAt(i + 1)
                && Character.UnicodeScript.of(text.charAt(i - 1)) == Character.UnicodeScript.HAN;
    }

    private static boolean negatedInEnglish(String text, int at) {
        String clause = clauseBefore(text, at, ENGLISH_LOOKBACK_CHARS);
        List<String> words = ENGLISH_WORD.matcher(clause).results().map(MatchResult::group).toList();
        return words.subList(Math.max(0, words.size() - ENGLISH_NEGATION_WINDOW), words.size()).stream()
                .anyMatch(word -> ENGLISH_NEGATIONS.contains(word) || word.endsWith("n't"));
    }

    /** Up to {@code maxChars} characters before {@code at}, not reaching back past a punctuation mark. */
    private static String clauseBefore(String text, int at, int maxChars) {
        String before = text.substring(Math.max(0, at - maxChars), at);
        Matcher punctuation = CLAUSE_END.matcher(before);
        int clauseStart = 0;
        while (punctuation.find()) {
            clauseStart = punctuation.end();
        }
        return before.substring(clauseStart);
    }
}
