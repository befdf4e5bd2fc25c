package io.casedesk.handoff.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 1–5 satisfaction rating from a customer's answer: {@code 5}, full-width {@code ５}, {@code 五},
 * {@code 5分}, {@code 5 stars}, {@code 5/5}, {@code ⭐⭐⭐⭐⭐}. Anything longer is a message, not a rating.
 */
public final class RatingParser {

    private static final Pattern RATING = Pattern.compile(
            "^([1-5一二三四五])\\s*(分|顆星|颗星|星|stars?|points?|/\\s*5)?$");
    private static final Pattern STARS = Pattern.compile("^(?:⭐|★){1,5}$");
    private static final String TRAILING = "[\\s.!。！~～]+$";

    public static OptionalInt parse(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        // NFKC turns full-width digits and letters into ASCII.
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip()
                .replaceAll(TRAILING, "").toLowerCase(Locale.ROOT);
        if (STARS.matcher(normalized).matches()) {
            return OptionalInt.of(normalized.codePointCount(0, normalized.length()));
        }
        Matcher matcher = RATING.matcher(normalized);
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(switch (matcher.group(1)) {
            case "一" -> 1;
            case "二" -> 2;
            case "三" -> 3;
            case "四" -> 4;
            case "五" -> 5;
            default -> Integer.parseInt(matcher.group(1));
        });
    }

    private RatingParser() {
    }
}
