package io.casedesk.schema.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a text: e-mail addresses, Taiwanese national and resident ids (A123456789), card and bank
 * account numbers, phone numbers. Used to redact text before it leaves for an external model, and to scan answers
 * before they are sent. Errs on the side of redacting: any long run of digits goes.
 */
public final class PersonalDataRedactor {

    /**
     * Replaces the {@code group} of each match of {@code pattern} (0: the whole match) with the placeholder. A rule is
     * tried only on a text that {@code mayMatch}: a cheap test that every match needs (a digit, an "@", a "/"), since
     * most texts hold none of most kinds and the patterns' word lists cost more to try at every position.
     */
    private record Rule(Pattern pattern, String placeholder, int group, Predicate<String> mayMatch) {

        Rule(Pattern pattern, String placeholder, Predicate<String> mayMatch) {
            this(pattern, placeholder, 0, mayMatch);
        }

        String apply(String text, List<String> found, boolean tryEveryRule) {
            if (!tryEveryRule && !mayMatch.test(text)) {
                return text;
            }
            Matcher matcher = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            int end = 0;
            while (matcher.find()) {
                found.add(matcher.group(group));
                out.append(text, end, matcher.start(group)).append(placeholder);
                end = matcher.end(group);
            }
            return out.append(text, end, text.length()).toString();
        }
    }

    /** What a card's security code or expiry is called before it is written. */
    private static final String CARD_CODE_WORDS = "(?:cvv2?|cvc2?|cid|csc|security\\s+code|card\\s+code|安全碼|安全码|檢查碼|检查码|"
            + "末三碼|末三码|背面三碼|背面三码)";
    private static final String EXPIRY_WORDS = "(?:exp(?:iry|iration|ires)?(?:\\s+date)?|valid\\s+(?:thru|through|until)|good\\s+thru|"
            + "有效期限?|有效日期|到期日|到期)";
    private static final String SEPARATOR = "[\\s.:：#=是為为\\-]{0,4}";

    /**
     * In this order: an e-mail may hold digits, an international phone number starts with "+", and a card or account
     * number is a longer digit run than a local phone number. Phone numbers are the Taiwanese forms (a leading 0), so
     * dates and amounts stay. A card's security code and expiry are short numbers, so they are recognised by what
     * names them ("CVV 737", "有效期限 12/28") or by following a card number closely ("[account] 12/28 737").
     */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"), "[email]", text -> text.indexOf('@') >= 0),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])[A-Za-z][1289A-Da-d]\\d{8}(?!\\d)"), "[id]", PersonalDataRedactor::hasDigit),
            new Rule(Pattern.compile("\\+\\d{1,3}(?:[ -]?\\d){7,12}(?![\\d-])"), "[phone]", text -> text.indexOf('+') >= 0),
            new Rule(Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){11,18}(?![\\d/-])"), "[account]", PersonalDataRedactor::hasDigit),
            new Rule(Pattern.compile("(?<![\\d-])(?:\\(0\\d{1,2}\\)|0\\d{1,3})[ -]?\\d{3,4}[ -]?\\d{3,4}(?![\\d-])"), "[phone]",
                    PersonalDataRedactor::hasDigit),
            new Rule(Pattern.compile(EXPIRY_WORDS + SEPARATOR + "((?:0?[1-9]|1[0-2])\\s*/\\s*(?:20)?\\d{2})(?![\\d/])",
                    Pattern.CASE_INSENSITIVE), "[expiry]", 1, text -> text.indexOf('/') >= 0),
            new Rule(Pattern.compile("\\[account][^\\n\\d]{0,20}((?:0?[1-9]|1[0-2])\\s*/\\s*(?:20)?\\d{2})(?![\\d/])"), "[expiry]", 1,
                    text -> text.contains("[account]")),
            new Rule(Pattern.compile(CARD_CODE_WORDS + SEPARATOR + "(\\d{3,4})(?!\\d)", Pattern.CASE_INSENSITIVE), "[card code]", 1,
                    PersonalDataRedactor::mayNameACardCode),
            new Rule(Pattern.compile("(?:\\[account]|\\[expiry])[^\\n\\d]{0,20}(?<![\\d/])(\\d{3,4})(?![\\d/])"), "[card code]", 1,
                    text -> text.contains("[account]") || text.contains("[expiry]")));

    private PersonalDataRedactor() {
    }

    /** The text with every piece of personal data replaced by a placeholder such as {@code [phone]}. */
    public static String redact(String text) {
        String redacted = text;
        List<String> ignored = new ArrayList<>();
        for (Rule rule : RULES) {
            redacted = rule.apply(redacted, ignored, false);
        }
        return redacted;
    }

    /** Every piece of personal data in the text, as written, in the order the rules find them. */
    public static List<String> find(String text) {
        return find(text, false);
    }

    /** {@link #find(String)}, or with every rule tried on every text (to test that the cheap tests skip no match). */
    static List<String> find(String text, boolean tryEveryRule) {
        List<String> found = new ArrayList<>();
        String rest = text == null ? "" : text;
        for (Rule rule : RULES) {
            // Later rules must not see what an earlier one took (an e-mail's digits are not a phone number), but may
            // see where it was (a card's code follows its number).
            rest = rule.apply(rest, found, tryEveryRule);
        }
        return found;
    }
    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Every word of {@link #CARD_CODE_WORDS} holds one of these, in any case. */
    private static boolean mayNameACardCode(String text) {
        if (!hasDigit(text)) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("cv") || lower.contains("cid") || lower.contains("csc") || lower.contains("code")
                || lower.contains("碼") || lower.contains("码");
    }
}
