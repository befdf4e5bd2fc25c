package io.casedesk.handoff.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The firm's service hours in its time zone (DESIGN §5 and §7): weekly windows, and dated windows that replace
 * the weekly hours of their date or close it. The windows of one day merge into their widest spans, so
 * 09:00–12:00, 10:00–12:00, 13:00–18:00 and 15:00–17:00 give 09:00–12:00 and 13:00–18:00. A window includes
 * its start and excludes its end. With no window at all the firm is always open.
 */
public final class ServiceHours {

    private static final int DAY_MINUTES = 24 * 60;
    private static final int SEARCH_DAYS = 400;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Span>> weekly;
    private final Map<LocalDate, List<Span>> dated;
    private final Set<LocalDate> closed;
    private final boolean alwaysOpen;

    /** Open from {@code from} to {@code to}, in minutes of the day (0 to 1440). */
    public record Span(int from, int to) {
        public Span {
            if (from < 0 || to > DAY_MINUTES || from >= to) {
                throw new IllegalArgumentException("A window must start before it ends, within one day: "
                        + format(from) + "-" + format(to));
            }
        }

        public static Span of(String from, String to) {
            return new Span(minutes(from), minutes(to));
        }

        @Override
        public String toString() {
            return format(from) + "-" + format(to);
        }
    }

    /** Open on {@code days} from {@code from} to {@code to}. */
    public record Weekly(Set<DayOfWeek> days, Span span) {
    }

    /** On {@code date}, open from {@code span}'s start to its end, or closed when {@code span} is {@code null}. */
    public record Dated(LocalDate date, Span span) {
        public boolean closed() {
            return span == null;
        }
    }

    public ServiceHours(ZoneId zone, List<Weekly> weekly, List<Dated> dated) {
        this.zone = zone;
        Map<DayOfWeek, List<Span>> byDay = new HashMap<>();
        for (Weekly window : weekly) {
            for (DayOfWeek day : window.days()) {
                byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(window.span());
            }
        }
        byDay.replaceAll((day, spans) -> merge(spans));
        this.weekly = byDay;
        Map<LocalDate, List<Span>> byDate = new HashMap<>();
        Set<LocalDate> closedDates = new HashSet<>();
        for (Dated window : dated) {
            if (window.closed()) {
                closedDates.add(window.date());
            } else {
                byDate.computeIfAbsent(window.date(), d -> new ArrayList<>()).add(window.span());
            }
        }
        byDate.replaceAll((date, spans) -> merge(spans));
        this.dated = byDate;
        this.closed = closedDates;
        this.alwaysOpen = weekly.isEmpty() && dated.isEmpty();
    }

    /** Always open, in {@code zone}. */
    public static ServiceHours alwaysOpen(ZoneId zone) {
        return new ServiceHours(zone, List.of(), List.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /** The merged windows of {@code date}: a closed date has none; a dated window replaces the weekly ones. */
    public List<Span> windowsOn(LocalDate date) {
        if (alwaysOpen) {
            return List.of(new Span(0, DAY_MINUTES));
        }
        if (closed.contains(date)) {
            return List.of();
        }
        List<Span> special = dated.get(date);
        if (special != null) {
            return special;
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        return windowsOn(local.toLocalDate()).stream().anyMatch(s -> s.from() <= minute && minute < s.to());
    }

    /** {@code instant} itself when open, otherwise the start of the next window; empty when none is ahead. */
    public Optional<Instant> nextOpening(Instant instant) {
        if (isOpen(instant)) {
            return Optional.of(instant);
        }
        LocalDate today = instant.atZone(zone).toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++) {
            LocalDate date = today.plusDays(i);
            for (Span span : windowsOn(date)) {
                Instant start = startOf(date, span.from());
                if (start.isAfter(instant)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }

    private Instant startOf(LocalDate date, int minute) {
        // atZone moves a start inside a daylight-saving gap to the first valid instant.
        return date.atTime(LocalTime.of(minute / 60, minute % 60)).atZone(zone).toInstant();
    }

    /** Overlapping or touching spans become one; the result is ordered by start. */
    public static List<Span> merge(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::from).thenComparingInt(Span::to));
        List<Span> merged = new ArrayList<>();
        for (Span span : sorted) {
            if (!merged.isEmpty() && span.from() <= merged.get(merged.size() - 1).to()) {
                Span last = merged.remove(merged.size() - 1);
                merged.add(new Span(last.from(), Math.max(last.to(), span.to())));
            } else {
                merged.add(span);
            }
        }
        return List.copyOf(merged);
    }

    /** Days as in the import bundle: {@code MON} … {@code SUN}, or a range {@code MON-FRI}. */
    public static Set<DayOfWeek> days(List<String> names) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : names) {
            String trimmed = name.trim().toUpperCase(Locale.ROOT);
            int dash = trimmed.indexOf('-');
            if (dash > 0) {
                DayOfWeek first = day(trimmed.substring(0, dash));
                DayOfWeek last = day(trimmed.substring(dash + 1));
                for (DayOfWeek d = first; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == last) {
                        break;
                    }
                }
            } else {
                days.add(day(trimmed));
            }
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(name) && name.length() >= 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("Unknown day '" + name + "' (expected MON ... SUN)");
    }

    /** {@code HH:mm}; {@code 24:00} is the end of the day. */
    static int minutes(String time) {
        if (time == null) {
            throw new IllegalArgumentException("A window needs a start and an end time");
        }
        String trimmed = time.trim();
        if (trimmed.equals("24:00")) {
            return DAY_MINUTES;
        }
        try {
            LocalTime parsed = LocalTime.parse(trimmed);
            return parsed.getHour() * 60 + parsed.getMinute();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Time '" + trimmed + "' is not HH:mm");
        }
    }

    private static String format(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
