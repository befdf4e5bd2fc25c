package io.casedesk.handoff.service;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much two short questions share, without a model (it runs on the consumer's path): the Dice coefficient of their
 * terms, a Chinese run's character pairs and an English word's first five letters (a cheap stem: {@code refund},
 * {@code refundable}), English function words left out. A customer's rewording of the question they just asked
 * scores 0.19 to 0.67 on the examples measured (DESIGN §5); a thank-you or another question 0.
 */
public final class QuestionOverlap {

    private static final Pattern HAN = Pattern.compile("[\\p{IsHan}]+");
    private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}\\p{Nd}]+");
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "is", "are", "do", "does", "i", "my",
            "to", "of", "how", "what", "can", "you", "please", "after", "for", "in", "it", "me", "and", "or", "but",
            "so", "again", "still", "asked", "whether");

    private QuestionOverlap() {
    }

    /** 0 (nothing shared) to 1 (the same terms). */
    public static double between(String a, String b) {
        Set<String> first = terms(a);
        Set<String> second = terms(b);
        if (first.isEmpty() || second.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(first);
        shared.retainAll(second);
        return 2.0 * shared.size() / (first.size() + second.size());
    }

    static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        if (text == null) {
            return terms;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher han = HAN.matcher(lower);
        while (han.find()) {
            String run = han.group();
            if (run.length() == 1) {
                terms.add(run);
            }
            for (int i = 0; i + 2 <= run.length(); i++) {
                terms.add(run.substring(i, i + 2));
            }
        }
        Matcher word = WORD.matcher(lower);
        while (word.find()) {
            if (!FUNCTION_WORDS.contains(word.group())) {
                terms.add(word.group().substring(0, Math.min(5, word.group().length())));
            }
        }
        return terms;
    }
}
