package io.casedesk.schema.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a text: e-mail addresses, Taiwanese national and resident ids (A123456789), card and bank
 * account numbers, phone numbers. Used to redact text before it leaves for an external model, and to scan answers
 * before they are sent. Errs on the side of redacting: any long run of digits goes.
 */
public final class PersonalDataRedactor {

    private record Rule(Pattern pattern, String placeholder) {
    }

    /**
     * In this order: an e-mail may hold digits, an international phone number starts with "+", and a card or account
     * number is a longer digit run than a local phone number. Phone numbers are the Taiwanese forms (a leading 0), so
     * dates and amounts stay.
     */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"), "[email]"),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])[A-Za-z][1289A-Da-d]\\d{8}(?!\\d)"), "[id]"),
            new Rule(Pattern.compile("\\+\\d{1,3}(?:[ -]?\\d){7,12}(?![\\d-])"), "[phone]"),
            new Rule(Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){11,18}(?![\\d-])"), "[account]"),
            new Rule(Pattern.compile("(?<![\\d-])(?:\\(0\\d{1,2}\\)|0\\d{1,3})[ -]?\\d{3,4}[ -]?\\d{3,4}(?![\\d-])"), "[phone]"));

    private PersonalDataRedactor() {
    }

    /** The text with every piece of personal data replaced by a placeholder such as {@code [phone]}. */
    public static String redact(String text) {
        String redacted = text;
        for (Rule rule : RULES) {
            redacted = rule.pattern().matcher(redacted).replaceAll(rule.placeholder());
        }
        return redacted;
    }

    /** Every piece of personal data in the text, as written, in the order the rules find them. */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        String rest = text == null ? "" : text;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(rest);
            while (matcher.find()) {
                found.add(matcher.group());
            }
            // Later rules must not see what an earlier one took (an e-mail's digits are not a phone number).
            rest = matcher.replaceAll(rule.placeholder());
        }
        return found;
    }
}
