package io.casedesk.launcher.probe;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an answer mentions something, leniently, the way a reader would judge it: full-width characters read as
 * their ASCII forms, whitespace and case do not count, 臺 and 台 are one character; a date matches the same date in
 * any common form (2026-12-03, 2026/12/3, 2026年12月3日, 民國115年12月3日, 115/12/03, 12月3日, 12/3, Dec 3, 2026,
 * 3 December 2026); an amount the same amount in any form (NT$30,000, 30,000 元, 新臺幣3萬元, TWD 30000); a number
 * written with separators (a phone, card or ID number) the same digits with any separators or none.
 */
public final class ProbeMatcher {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH_NAME = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

    private static final Pattern ISO_DATE = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})(?!\\d)");
    private static final Pattern CHINESE_DATE = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日號号]?");
    /** A Republic of China (民國) year: 115年12月3日 or 115/12/03 is 2026-12-03. */
    private static final Pattern ROC_DATE = Pattern.compile(
            "(?:民國|民国)?\\s*(?<!\\d)(\\d{2,3})\\s*(?:年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日號号]?|/(\\d{1,2})/(\\d{1,2})(?![\\d/]))");
    private static final Pattern ENGLISH_MONTH_FIRST = Pattern.compile(
            "(?<![a-z])" + MONTH_NAME + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s*((?:19|20)\\d{2}))?");
    private static final Pattern ENGLISH_DAY_FIRST = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH_NAME + "(?![a-z])(?:,?\\s*((?:19|20)\\d{2}))?");
    private static final Pattern MONTH_DAY_CHINESE = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日號号]");
    private static final Pattern MONTH_DAY_SLASH = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?![\\d/])");

    private static final Pattern AMOUNT = Pattern.compile(
            "(?:nt\\$|ntd|twd|新台幣|新台币)?\\s*(?<!\\d)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(萬|万)?");
    private static final Pattern EXPECTED_AMOUNT = Pattern.compile(
            "^(nt\\$|ntd|twd|新台幣|新台币)?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?\\s*(萬|万)?\\s*(元)?$");
    private static final Pattern EXPECTED_DIGITS = Pattern.compile("^\\+?[\\d\\s\\-./]*\\d$");

    /** True when {@code text} mentions {@code expected}. */
    public static boolean mentions(String text, String expected) {
        String answer = normalise(text);
        String wanted = normalise(expected).trim();
        if (wanted.isEmpty()) {
            return true;
        }
        LocalDate date = asDate(wanted);
        if (date != null) {
            return mentionsDate(answer, date);
        }
        BigDecimal amount = asAmount(wanted);
        if (amount != null) {
            return amounts(answer).stream().anyMatch(a -> a.compareTo(amount) == 0);
        }
        if (EXPECTED_DIGITS.matcher(wanted).matches()) {
            // Never a part of a longer number: 837 is not in 4111837.
            return digitsPattern(wanted.replaceAll("\\D", "")).matcher(answer).find();
        }
        return compact(answer).contains(compact(wanted));
    }

    /** NFKC (full-width to ASCII), lower case, 臺 as 台, dashes as '-'. */
    static String normalise(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('臺', '台').replaceAll("[\\u2010-\\u2015\\u2212]", "-");
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The date {@code text} is, when it is a date and nothing else; {@code null} otherwise. */
    static LocalDate asDate(String text) {
        String t = normalise(text).trim();
        for (Pattern pattern : List.of(ISO_DATE, CHINESE_DATE, ROC_DATE, ENGLISH_MONTH_FIRST, ENGLISH_DAY_FIRST)) {
            Matcher m = pattern.matcher(t);
            if (m.matches()) {
                Found found = found(pattern, m);
                if (found != null && found.date() != null) {
                    return found.date();
                }
            }
        }
        return null;
    }

    /** A date found in a text: a whole one, or a month and day when the text gives no year. */
    private record Found(LocalDate date, MonthDay monthDay) {
    }

    static boolean mentionsDate(String text, LocalDate date) {
        String t = normalise(text);
        MonthDay monthDay = MonthDay.from(date);
        for (Pattern pattern : List.of(ISO_DATE, CHINESE_DATE, ROC_DATE, ENGLISH_MONTH_FIRST, ENGLISH_DAY_FIRST,
                MONTH_DAY_CHINESE, MONTH_DAY_SLASH)) {
            Matcher m = pattern.matcher(t);
            while (m.find()) {
                Found found = found(pattern, m);
                if (found != null && (date.equals(found.date()) || found.date() == null && monthDay.equals(found.monthDay()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Found found(Pattern pattern, Matcher m) {
        try {
            if (pattern == ISO_DATE || pattern == CHINESE_DATE) {
                return whole(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (pattern == ROC_DATE) {
                int year = Integer.parseInt(m.group(1)) + 1911;
                return m.group(2) != null ? whole(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                        : whole(year, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            }
            if (pattern == ENGLISH_MONTH_FIRST) {
                return dayOf(m.group(3), MONTHS.get(m.group(1).substring(0, 3)), Integer.parseInt(m.group(2)));
            }
            if (pattern == ENGLISH_DAY_FIRST) {
                return dayOf(m.group(3), MONTHS.get(m.group(2).substring(0, 3)), Integer.parseInt(m.group(1)));
            }
            return new Found(null, MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (DateTimeException | NumberFormatException notADate) {
            return null;
        }
    }

    private static Found whole(int year, int month, int day) {
        return new Found(LocalDate.of(year, month, day), null);
    }

    private static Found dayOf(String year, int month, int day) {
        return year == null ? new Found(null, MonthDay.of(month, day)) : whole(Integer.parseInt(year), month, day);
    }

    /** The amount {@code text} is (NT$30,000, 3萬, 30,000元), or {@code null}; bare digits are a number, not an amount. */
    static BigDecimal asAmount(String text) {
        Matcher m = EXPECTED_AMOUNT.matcher(normalise(text).trim());
        if (!m.matches()) {
            return null;
        }
        boolean marked = m.group(1) != null || m.group(3) != null || m.group(4) != null || m.group(2).contains(",");
        return marked ? value(m.group(2), null, m.group(3)) : null;
    }

    static List<BigDecimal> amounts(String text) {
        List<BigDecimal> amounts = new ArrayList<>();
        Matcher m = AMOUNT.matcher(normalise(text));
        while (m.find()) {
            amounts.add(value(m.group(1), m.group(2), m.group(3)));
        }
        return amounts;
    }

    private static BigDecimal value(String digits, String fraction, String tenThousands) {
        BigDecimal value = new BigDecimal(digits.replace(",", "") + (fraction == null ? "" : "." + fraction));
        return tenThousands == null ? value : value.multiply(BigDecimal.valueOf(10_000));
    }

    /** The digits, with any one separator (space, '-', '.', '/') between two of them, not part of a longer number. */
    private static Pattern digitsPattern(String digits) {
        StringBuilder regex = new StringBuilder("(?<!\\d)");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0) {
                regex.append("[\\s\\-./]?");
            }
            regex.append(digits.charAt(i));
        }
        return Pattern.compile(regex.append("(?!\\d)").toString());
    }

    private ProbeMatcher() {
    }
}
