package io.casedesk.classifier.service.rules;

import io.casedesk.schema.privacy.PersonalDataRedactor;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces what differs from one customer to the next (personal data, case and reference numbers, dates, amounts) with
 * placeholders before a model or the n-grams read a message: a classifier that learnt "2026-FAM-0142" or a customer's
 * phone number from its examples has learnt nothing about the next firm's customers. Personal data goes first, through
 * {@link PersonalDataRedactor} ({@code [email]}, {@code [id]}, {@code [phone]}, {@code [account]}); then case numbers
 * of any firm's or court's format ({@code [case]}), dates ({@code [date]}) and amounts of money ({@code [amount]}).
 * Placeholders are a lower-case word in square brackets, which {@link #withoutPlaceholders} removes again for the
 * language detector.
 */
public final class MessageMasker {

    public static final String CASE = "[case]";
    public static final String DATE = "[date]";
    public static final String AMOUNT = "[amount]";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(?:email|id|phone|account|expiry|card code|case|date|amount)]");

    private static final String MONTH = "(?:january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

    private record Rule(Pattern pattern, String placeholder) {
    }

    /**
     * In this order: court case numbers (113年度家調字第123號) before dates, since they hold a year; firms' case and
     * reference numbers (2026-FAM-0142, IN-2026-0318, C-1001, INV-88231) before dates and amounts; dates before
     * amounts.
     */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[(（]?\\d{2,3}[)）]?\\s*年度?\\s*\\p{IsHan}{1,8}\\s*字\\s*第\\s*\\d+\\s*[號号]"), CASE),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])(?:\\d{2,4}-)?[A-Za-z]{1,6}(?:-\\d{2,6}){1,3}(?![A-Za-z0-9])"), CASE),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])[A-Z]{1,4}\\d{4,10}(?![A-Za-z0-9])"), CASE),
            // 2026-12-09, 2026/12/9, 2026.12.09, 12/9, 12/09/2026
            new Rule(Pattern.compile("(?<![\\d/.-])(?:\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)(?![\\d/.-])"), DATE),
            // 2026年12月9日, 115年3月2號, 12月9日, 3月2号
            new Rule(Pattern.compile("(?:\\d{2,4}\\s*年\\s*)?\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日號号]"), DATE),
            // Dec 9, December 9th, 9 December 2026, Dec. 9, 2026
            new Rule(Pattern.compile("(?i)(?<![a-z])(?:" + MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?"
                    + "|\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + "\\.?(?:,?\\s+\\d{4})?)(?![a-z0-9])"), DATE),
            // NT$30,000, $500, USD 1,200, 30,000元, 3萬元, 12萬, 80k, 4.5 million
            new Rule(Pattern.compile("(?i)(?<![a-z])(?:nt\\$|us\\$|\\$|nt|ntd|twd|usd|rmb|hk\\$)\\s?\\d[\\d,]*(?:\\.\\d+)?(?:\\s?(?:k|m|million|萬|万|千))?"), AMOUNT),
            new Rule(Pattern.compile("(?i)\\d[\\d,]*(?:\\.\\d+)?\\s?(?:萬|万|千|百)?\\s?(?:元|塊|块|台幣|台币|新台幣|新台币|人民幣|人民币|美元|美金|dollars?|ntd|twd|usd)"), AMOUNT),
            new Rule(Pattern.compile("(?<![\\d.])\\d+(?:\\.\\d+)?\\s?(?:萬|万)(?!\\p{IsHan}*[年月日])"), AMOUNT));

    private MessageMasker() {
    }

    /** The text with personal data, case numbers, dates and amounts replaced by placeholders. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String masked = PersonalDataRedactor.redact(text);
        for (Rule rule : RULES) {
            masked = rule.pattern().matcher(masked).replaceAll(rule.placeholder());
        }
        return masked;
    }

    /** The masked text without its placeholders: what is left to tell the language by. */
    public static String withoutPlaceholders(String text) {
        return PLACEHOLDER.matcher(mask(text)).replaceAll(" ");
    }

    /** Whether {@code word} (lower case, without brackets) names a placeholder. */
    public static boolean isPlaceholder(String word) {
        return PLACEHOLDER.matcher("[" + word + "]").matches();
    }
}
