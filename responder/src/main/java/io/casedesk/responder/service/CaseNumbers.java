package io.casedesk.responder.service;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a firm's case number looks like in a message or an answer, whatever the firm's format: letters and digits in
 * two to four hyphenated groups, with at least two letters and three digits ({@code 2026-FAM-0142},
 * {@code IN-2026-0318}, {@code LAB-115-07}). Dates, phone numbers and ID numbers have no hyphen between letters and
 * digits, so they are not taken for one.
 */
public final class CaseNumbers {

    public static final Pattern PATTERN = Pattern.compile(
            "(?<![A-Za-z0-9-])(?=(?:[0-9-]*[A-Za-z]){2})(?=(?:[A-Za-z-]*\\d){3})"
                    + "[A-Za-z0-9]+(?:-[A-Za-z0-9]+){1,3}(?![A-Za-z0-9-])");

    private CaseNumbers() {
    }

    /** The case numbers in a text, upper-cased, in order of appearance. */
    public static Set<String> in(String text) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher matcher = PATTERN.matcher(text == null ? "" : text);
        while (matcher.find()) {
            numbers.add(matcher.group().toUpperCase(Locale.ROOT));
        }
        return numbers;
    }

    /** The text without its case numbers. */
    public static String removedFrom(String text) {
        return PATTERN.matcher(text).replaceAll(" ");
    }
}
