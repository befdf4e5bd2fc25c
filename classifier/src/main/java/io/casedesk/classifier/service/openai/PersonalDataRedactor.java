package io.casedesk.classifier.service.openai;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces personal data with placeholders before a text leaves the service: e-mail addresses, Taiwanese national
 * and resident ids (A123456789), card and bank account numbers, phone numbers. The labels do not depend on them.
 * Errs on the side of redacting: any long run of digits goes.
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

    public static String redact(String text) {
        String redacted = text;
        for (Rule rule : RULES) {
            redacted = rule.pattern().matcher(redacted).replaceAll(rule.placeholder());
        }
        return redacted;
    }
}
