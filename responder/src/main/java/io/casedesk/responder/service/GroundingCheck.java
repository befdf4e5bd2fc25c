package io.casedesk.responder.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.client.CustomerView;
import io.casedesk.schema.privacy.PersonalDataRedactor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DESIGN §4 grounding: every case number, date, amount and person's name in an answer must appear in the answer's
 * context, and no personal data (phone, id, card or account number, email) may appear that the context does not
 * hold. An answer that fails is not sent, whichever engine wrote it.
 */
@ApplicationScoped
public class GroundingCheck {

    private static final Pattern ISO_DATE = Pattern.compile("(?<![A-Za-z0-9])\\d{4}-\\d{2}-\\d{2}(?![A-Za-z0-9])");
    /** Amounts: numbers of four or more digits, with or without thousands separators. */
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\d-])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d-])|(?<![\\d-])\\d{4,}(?:\\.\\d+)?(?![\\d-])");
    /**
     * A lawyer referred to by surname and title, as firms in Taiwan do: 林律師, 周律师. "承辦律師" (the lawyer in
     * charge) and "由律師" name nobody: the character before the title must be a surname.
     */
    private static final Pattern LAWYER = Pattern.compile("(\\p{IsHan})律[師师]");
    /** A person addressed by surname and title: 王小姐, 張先生, Attorney Lin, Ms. Wang. */
    private static final Pattern TITLED_ZH = Pattern.compile("(\\p{IsHan})(?:先生|小姐|女士)");
    private static final Pattern TITLED_EN = Pattern.compile(
            "\\b(?:Mr|Ms|Mrs|Miss|Dr|Attorney|Lawyer|Counsel)\\.?\\s+([A-Z][a-z]+)");
    /** Dates as people write them: 2026年12月3日, 12月3日, 12/3, 2026/12/03, December 3, 3 Dec 2026. */
    private static final Pattern DATE_ZH = Pattern.compile("(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日號号]");
    private static final Pattern DATE_SLASH = Pattern.compile("(?<![\\d/])(?:(\\d{4})/)?(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?(?![\\d/])");
    private static final Pattern DATE_EN = Pattern.compile(
            "\\b(?:(\\d{1,2})\\s+)?(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|"
                    + "Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\b\\.?(?:\\s+(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?)?,?(?:\\s+(\\d{4}))?",
            Pattern.CASE_INSENSITIVE);
    /** An amount with a currency, of any size: NT$500, TWD 1,200, 500 元. */
    private static final Pattern CURRENCY_AMOUNT = Pattern.compile(
            "(?:NT\\$|TWD|NTD|USD|US\\$|\\$)\\s?(\\d[\\d,]*(?:\\.\\d+)?)|(\\d[\\d,]*(?:\\.\\d+)?)\\s?(?:元|塊|TWD|NTD|dollars)");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    /**
     * The facts of each article, read once per article rather than once per answer: many answers quote the same
     * few articles, and reading their dates and amounts was a sixth of the responder's work per message. Keyed by
     * identity (weak keys), so an article read again from case-service is read anew and the old one let go.
     */
    private final Cache<ArticleView, Facts> articleFacts = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    /** The kinds of problem found, each once; empty when the answer is grounded. */
    public List<String> problems(String answer, AnswerContext context) {
        Facts facts = contextFacts(context);
        List<String> problems = new ArrayList<>();
        for (String number : CaseNumbers.in(answer)) {
            if (!facts.containsIgnoringCase(number)) {
                problems.add("case number not in context");
            }
        }
        if (hasDigit(answer)) {
            numbersAndDates(answer, facts, problems);
        }
        Matcher titledZh = TITLED_ZH.matcher(answer);
        while (titledZh.find()) {
            if (!facts.contains(titledZh.group(1))) {
                problems.add("name not in context");
            }
        }
        Matcher titledEn = TITLED_EN.matcher(answer);
        while (titledEn.find()) {
            if (!facts.containsIgnoringCase(titledEn.group(1))) {
                problems.add("name not in context");
            }
        }
        for (String personal : PersonalDataRedactor.find(answer)) {
            // The firm's own published numbers (in an article) may be given; anything else is never echoed.
            if (!facts.contains(personal)) {
                problems.add("personal data not in context");
            }
        }
        Matcher lawyer = LAWYER.matcher(answer);
        while (lawyer.find()) {
            String surname = lawyer.group(1);
            if (ThirdPartyRequests.isSurname(surname.charAt(0))
                    && !facts.contains(surname + "律師") && !facts.contains(surname + "律师")) {
                problems.add("name not in context");
            }
        }
        return problems.stream().distinct().toList();
    }

    /** Dates and amounts: every one the answer states must be one of the context's. */
    private static void numbersAndDates(String answer, Facts facts, List<String> problems) {
        for (String date : matches(ISO_DATE, answer)) {
            if (!facts.contains(date)) {
                problems.add("date not in context");
            }
        }
        // A year is no amount: dates are taken out before amounts are looked for.
        String answerWithoutDates = withoutDates(answer);
        for (String amount : amounts(answerWithoutDates)) {
            if (!facts.hasAmount(amount)) {
                problems.add("amount not in context");
            }
        }
        for (String date : writtenDates(answer)) {
            // With a year the whole date must match; without one, the month and day.
            String key = date.startsWith("????") ? date.substring(5) : date;
            if (!facts.hasDate(key)) {
                problems.add("date not in context");
            }
        }
        Matcher money = CURRENCY_AMOUNT.matcher(answerWithoutDates);
        while (money.find()) {
            String amount = normalizeAmount(money.group(1) != null ? money.group(1) : money.group(2));
            // A small amount ("NT$500") is below the four-digit amounts collected above: found as written, then.
            if (!facts.hasAmount(amount) && !facts.contains(amount)) {
                problems.add("amount not in context");
            }
        }
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** All facts of the context: the customer's record and their cases, read now, and the matched articles'. */
    private Facts contextFacts(AnswerContext context) {
        List<Facts> parts = new ArrayList<>();
        parts.add(Facts.of(recordText(context)));
        for (ArticleView article : context.articles()) {
            parts.add(articleFacts.get(article, a -> Facts.of(articleText(a))));
        }
        return Facts.union(parts);
    }

    /** The customer's record, their cases and the office day asked about, as one text. */
    private static String recordText(AnswerContext context) {
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
            if (c.closedAt() != null) {
                append(text, String.valueOf(c.closedAt()));
            }
            append(text, c.outcome());
        }
        context.officeDay().ifPresent(day -> append(text, String.valueOf(day.day()), String.join(" ", day.hours()),
                String.valueOf(day.nextOpen()), String.join(" ", day.nextOpenHours())));
        return text.toString();
    }

    private static String articleText(ArticleView article) {
        StringBuilder text = new StringBuilder();
        append(text, article.title(), article.body());
        return text.toString();
    }

    /**
     * What a text may ground: its words as written and in upper case, its amounts as plain digits, and its dates as
     * "yyyy-MM-dd" and "MM-dd". A context is the union of its parts' facts; a fact never spans two parts.
     */
    private record Facts(List<String> texts, List<String> upperTexts, Set<String> amounts, Set<String> dates) {

        static Facts of(String text) {
            return new Facts(List.of(text), List.of(text.toUpperCase(Locale.ROOT)),
                    GroundingCheck.amounts(text), GroundingCheck.dates(text));
        }

        static Facts union(List<Facts> parts) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            List<String> texts = new ArrayList<>();
            List<String> upperTexts = new ArrayList<>();
            Set<String> amounts = new HashSet<>();
            Set<String> dates = new HashSet<>();
            for (Facts part : parts) {
                texts.addAll(part.texts);
                upperTexts.addAll(part.upperTexts);
                amounts.addAll(part.amounts);
                dates.addAll(part.dates);
            }
            return new Facts(texts, upperTexts, amounts, dates);
        }

        boolean contains(String fact) {
            return texts.stream().anyMatch(text -> text.contains(fact));
        }

        boolean containsIgnoringCase(String fact) {
            String upper = fact.toUpperCase(Locale.ROOT);
            return upperTexts.stream().anyMatch(text -> text.contains(upper));
        }

        boolean hasAmount(String amount) {
            return amounts.contains(amount);
        }

        boolean hasDate(String date) {
            return dates.contains(date);
        }
    }

    private static void append(StringBuilder text, String... parts) {
        for (String part : parts) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
    }

    private static String withoutDates(String text) {
        String rest = text;
        for (Pattern date : List.of(ISO_DATE, DATE_ZH, DATE_SLASH, DATE_EN)) {
            if (mayHold(date, rest)) {
                rest = date.matcher(rest).replaceAll(" ");
            }
        }
        return rest;
    }

    /** Whether a text can hold a match of a date pattern: cheaper to ask than to try the pattern at every position. */
    private static boolean mayHold(Pattern date, String text) {
        return date == DATE_ZH ? text.indexOf('月') >= 0 : date != DATE_SLASH || text.indexOf('/') >= 0;
    }

    /** Dates of the context as "yyyy-MM-dd" and "MM-dd". */
    private static Set<String> dates(String contextText) {
        Set<String> dates = new HashSet<>();
        for (String iso : matches(ISO_DATE, contextText)) {
            dates.add(iso);
            dates.add(iso.substring(5));
        }
        for (String written : writtenDates(contextText)) {
            dates.add(written);
            dates.add(written.substring(5));
        }
        return dates;
    }

    /**
     * Dates written in other forms, as "yyyy-MM-dd" with "????" for a missing year; a month name with no day (as in
     * "in May") is no date.
     */
    private static List<String> writtenDates(String text) {
        List<String> dates = new ArrayList<>();
        Matcher zh = DATE_ZH.matcher(mayHold(DATE_ZH, text) ? text : "");
        while (zh.find()) {
            dates.add(date(zh.group(1), zh.group(2), zh.group(3)));
        }
        Matcher slash = DATE_SLASH.matcher(mayHold(DATE_SLASH, text) ? text : "");
        while (slash.find()) {
            dates.add(date(slash.group(1) != null ? slash.group(1) : slash.group(4), slash.group(2), slash.group(3)));
        }
        Matcher en = DATE_EN.matcher(text);
        while (en.find()) {
            String day = en.group(1) != null ? en.group(1) : en.group(3);
            if (day != null) {
                String month = String.valueOf(MONTHS.indexOf(en.group(2).substring(0, 3).toLowerCase(Locale.ROOT)) + 1);
                dates.add(date(en.group(4), month, day));
            }
        }
        return dates;
    }

    private static String date(String year, String month, String day) {
        return (year == null ? "????" : year) + "-" + String.format("%02d", Integer.parseInt(month)) + "-"
                + String.format("%02d", Integer.parseInt(day));
    }

    /** Amounts normalized to plain digits ("30,000" and "30000.00" both give "30000"). */
    private static Set<String> amounts(String text) {
        Set<String> amounts = new HashSet<>();
        for (String raw : matches(AMOUNT, text)) {
            amounts.add(normalizeAmount(raw));
        }
        return amounts;
    }

    private static String normalizeAmount(String raw) {
        String digits = raw.replace(",", "");
        return digits.contains(".") ? digits.replaceAll("\\.0+$", "") : digits;
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
