package io.casedesk.responder.service;

import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.client.CustomerView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DESIGN §4 grounding: every case number, date, amount and lawyer's name in an answer must appear in the
 * answer's context. An answer that fails is not sent, whichever engine wrote it.
 */
@ApplicationScoped
public class GroundingCheck {

    static final Pattern CASE_NUMBER = Pattern.compile("\\b\\d{4}-[A-Z]{2,5}-\\d{3,6}\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    /** Amounts: numbers of four or more digits, with or without thousands separators. */
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\d-])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d-])|(?<![\\d-])\\d{4,}(?:\\.\\d+)?(?![\\d-])");
    /** A lawyer referred to by surname and title, as firms in Taiwan do: 林律師, 周律师. */
    private static final Pattern LAWYER = Pattern.compile("[\\p{IsHan}]{1,3}律[師师]");

    /** The problems found; empty when the answer is grounded. */
    public List<String> problems(String answer, AnswerContext context) {
        String contextText = contextText(context);
        String contextUpper = contextText.toUpperCase(Locale.ROOT);
        Set<String> contextAmounts = amounts(contextText);
        List<String> problems = new ArrayList<>();
        for (String number : matches(CASE_NUMBER, answer.toUpperCase(Locale.ROOT))) {
            if (!contextUpper.contains(number)) {
                problems.add("case number not in context");
            }
        }
        for (String date : matches(ISO_DATE, answer)) {
            if (!contextText.contains(date)) {
                problems.add("date not in context");
            }
        }
        for (String amount : amounts(answer)) {
            if (!contextAmounts.contains(amount)) {
                problems.add("amount not in context");
            }
        }
        for (String lawyer : matches(LAWYER, answer)) {
            String surname = lawyer.substring(lawyer.length() - 3, lawyer.length() - 2);
            if (!contextText.contains(surname + "律師") && !contextText.contains(surname + "律师")) {
                problems.add("name not in context");
            }
        }
        return problems;
    }

    /** All facts of the context as one text: the customer's record, their cases and the matched articles. */
    private static String contextText(AnswerContext context) {
        StringBuilder text = new StringBuilder();
        context.customer().ifPresent(c -> append(text, c.name(), String.join(" ", c.salutation().values())));
        for (CaseView c : context.cases()) {
            append(text, c.number(), c.title(), c.stage(), c.assignee(), String.valueOf(c.openedAt()));
            if (c.nextStep() != null) {
                append(text, String.valueOf(c.nextStep().date()), c.nextStep().description());
            }
            if (c.outstandingFee() != null && c.outstandingFee().amount() != null) {
                append(text, c.outstandingFee().amount().toPlainString());
            }
        }
        for (ArticleView article : context.articles()) {
            append(text, article.title(), article.body());
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String... parts) {
        for (String part : parts) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
    }

    /** Amounts normalized to plain digits ("30,000" and "30000.00" both give "30000"). */
    private static Set<String> amounts(String text) {
        Set<String> amounts = new HashSet<>();
        for (String raw : matches(AMOUNT, text)) {
            String digits = raw.replace(",", "");
            if (digits.contains(".")) {
                digits = digits.replaceAll("\\.0+$", "");
            }
            amounts.add(digits);
        }
        return amounts;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
