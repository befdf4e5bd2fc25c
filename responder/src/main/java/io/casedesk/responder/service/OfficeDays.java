package io.casedesk.responder.service;

import io.casedesk.responder.client.FirmView.ServiceHours;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Can I drop the form off this Friday?", "你們明天有開嗎": a question whether the office is open on a day, answered from
 * the firm's service hours (its weekly hours and the dated ones that replace a day's, such as a closure), which no
 * article states for a given date.
 */
public final class OfficeDays {

    /** The day asked about and the office's hours that day (none: closed), with the next open day when it is closed. */
    public record OfficeDay(LocalDate day, List<String> hours, LocalDate nextOpen, List<String> nextOpenHours) {

        public boolean open() {
            return !hours.isEmpty();
        }
    }

    /** How far ahead a question may ask, and the next open day is looked for. */
    private static final int DAYS_AHEAD = 60;

    /**
     * Words of coming to the office, or of the office (not the writer, not a case) being open: "我明天休息" and "is my case
     * still open" say nothing of the office.
     */
    private static final Pattern VISIT = Pattern.compile(
            "(?:你們|你们|事務所|事务所|貴所|贵所|辦公室|办公室|櫃台|柜台)[^。？?！!，,]{0,6}(?:休息|放假|公休|有開|有开|開門|开门|營業|营业|上班|有人)|"
                    + "(?:有開|有开|開門|开门|有營業|有营业|有上班)(?:嗎|吗|\\?|？)|"
                    + "(?:去|到|來|来|進|进)(?:你們|你们|貴所|贵所)?(?:事務所|事务所|辦公室|办公室|那邊|那边|櫃台|柜台)|"
                    + "(?:拿|送|交|寄放)(?:過去|过去|到事務所|到事务所|去事務所|去事务所)|親送|亲送|親自送|亲自送|拜訪|拜访|"
                    + "\\b(?:you|office|firm)\\b[^.?!,]{0,15}\\b(?:open|closed)\\b|\\b(?:open|closed) (?:on|this|next|tomorrow|today)\\b|"
                    + "\\bcome (?:in|by|over|to (?:the|your) office)\\b|\\bdrop (?:it |them |\\w+ )?(?:off|by)\\b|\\bstop by\\b|"
                    + "\\bpop in\\b|\\b(?:at|to) (?:your|the) office\\b|\\bvisit (?:you|your office|the office)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, DayOfWeek> ENGLISH_DAYS = Map.of("monday", DayOfWeek.MONDAY, "tuesday",
            DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY, "thursday", DayOfWeek.THURSDAY, "friday",
            DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY, "sunday", DayOfWeek.SUNDAY);
    private static final String CHINESE_DAYS = "一二三四五六日天";

    private static final Pattern TODAY = Pattern.compile("今天|今日|\\btoday\\b|\\btonight\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOMORROW = Pattern.compile("明天|明日|\\btomorrow\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_AFTER_TOMORROW = Pattern.compile("後天|后天|\\bday after tomorrow\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENGLISH_WEEKDAY = Pattern.compile(
            "\\b(?:(this|next|coming)\\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHINESE_WEEKDAY = Pattern.compile("(這|这|本|下|下個|下个)?(?:週|周|星期|禮拜|礼拜)([一二三四五六日天])");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日號号]");
    private static final Pattern SLASH_DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?![\\d/])");
    private static final Pattern ENGLISH_DATE = Pattern.compile(
            "\\b(?:(\\d{1,2})\\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private OfficeDays() {
    }

    /**
     * The day {@code text} asks whether the office is open on, with its hours, when the firm states service hours; empty
     * when the text asks no such thing, names no day, or the firm states no hours.
     */
    public static Optional<OfficeDay> asked(String text, LocalDate today, ServiceHours hours) {
        if (text == null || today == null || hours == null || hours.weekly().isEmpty() && hours.dated().isEmpty()
                || !VISIT.matcher(text).find()) {
            return Optional.empty();
        }
        return dayNamed(text, today).filter(day -> !day.isAfter(today.plusDays(DAYS_AHEAD))).map(day -> {
            List<String> open = hoursOn(hours, day);
            if (!open.isEmpty()) {
                return new OfficeDay(day, open, null, List.of());
            }
            for (LocalDate next = day.plusDays(1); !next.isAfter(day.plusDays(DAYS_AHEAD)); next = next.plusDays(1)) {
                List<String> nextHours = hoursOn(hours, next);
                if (!nextHours.isEmpty()) {
                    return new OfficeDay(day, List.of(), next, nextHours);
                }
            }
            return new OfficeDay(day, List.of(), null, List.of());
        });
    }

    /** The day the text names: today, tomorrow, a weekday (this or next week's), or a month and day. */
    static Optional<LocalDate> dayNamed(String text, LocalDate today) {
        if (DAY_AFTER_TOMORROW.matcher(text).find()) {
            return Optional.of(today.plusDays(2));
        }
        if (TOMORROW.matcher(text).find()) {
            return Optional.of(today.plusDays(1));
        }
        if (TODAY.matcher(text).find()) {
            return Optional.of(today);
        }
        Matcher english = ENGLISH_WEEKDAY.matcher(text);
        if (english.find()) {
            return Optional.of(weekday(today, ENGLISH_DAYS.get(english.group(2).toLowerCase(Locale.ROOT)),
                    "next".equalsIgnoreCase(english.group(1))));
        }
        Matcher chinese = CHINESE_WEEKDAY.matcher(text);
        if (chinese.find()) {
            int index = CHINESE_DAYS.indexOf(chinese.group(2).charAt(0));
            return Optional.of(weekday(today, DayOfWeek.of(Math.min(index + 1, 7)),
                    chinese.group(1) != null && chinese.group(1).startsWith("下")));
        }
        Matcher date = CHINESE_DATE.matcher(text);
        if (date.find()) {
            return monthDay(today, Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)));
        }
        Matcher slash = SLASH_DATE.matcher(text);
        if (slash.find()) {
            return monthDay(today, Integer.parseInt(slash.group(1)), Integer.parseInt(slash.group(2)));
        }
        Matcher englishDate = ENGLISH_DATE.matcher(text);
        while (englishDate.find()) {
            String day = englishDate.group(1) != null ? englishDate.group(1) : englishDate.group(3);
            if (day != null) {
                int month = MONTHS.indexOf(englishDate.group(2).toLowerCase(Locale.ROOT)) + 1;
                return monthDay(today, month, Integer.parseInt(day));
            }
        }
        return Optional.empty();
    }

    /** "Friday" is the coming one (today if it is Friday); "next Friday", "下週五" the one of the week after this. */
    private static LocalDate weekday(LocalDate today, DayOfWeek day, boolean nextWeek) {
        if (nextWeek) {
            return today.with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).plusDays(1)
                    .with(TemporalAdjusters.nextOrSame(day));
        }
        return today.with(TemporalAdjusters.nextOrSame(day));
    }

    /** A month and day: this year's, or next year's once this year's has passed. */
    private static Optional<LocalDate> monthDay(LocalDate today, int month, int day) {
        try {
            LocalDate date = MonthDay.of(month, day).atYear(today.getYear());
            return Optional.of(date.isBefore(today) ? MonthDay.of(month, day).atYear(today.getYear() + 1) : date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The hours of a day, "09:00–12:30" each, in order; none when the office is closed then. */
    static List<String> hoursOn(ServiceHours hours, LocalDate day) {
        List<ServiceHours.Dated> dated = hours.dated().stream().filter(d -> day.toString().equals(d.date())).toList();
        List<String> open = new ArrayList<>();
        if (!dated.isEmpty()) {
            if (dated.stream().anyMatch(d -> Boolean.TRUE.equals(d.closed()))) {
                return List.of();
            }
            dated.forEach(d -> open.add(d.from() + "–" + d.to()));
        } else {
            String code = day.getDayOfWeek().name().substring(0, 3);
            hours.weekly().stream().filter(w -> w.days().stream().anyMatch(code::equalsIgnoreCase))
                    .forEach(w -> open.add(w.from() + "–" + w.to()));
        }
        return open.stream().sorted().distinct().toList();
    }
}
