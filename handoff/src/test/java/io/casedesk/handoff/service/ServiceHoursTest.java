package io.casedesk.handoff.service;

import io.casedesk.handoff.service.ServiceHours.Dated;
import io.casedesk.handoff.service.ServiceHours.Span;
import io.casedesk.handoff.service.ServiceHours.Weekly;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceHoursTest {

    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Test
    void theFourWindowsOfTheIssueMergeIntoTwo() {
        ServiceHours hours = new ServiceHours(TAIPEI, List.of(
                weekly("09:00", "12:00"), weekly("10:00", "12:00"), weekly("13:00", "18:00"), weekly("15:00", "17:00")),
                List.of());

        assertThat(hours.windowsOn(MONDAY)).containsExactly(Span.of("09:00", "12:00"), Span.of("13:00", "18:00"));
    }

    @Test
    void mergesOverlappingAndTouchingSpansInAnyOrder() {
        assertThat(ServiceHours.merge(List.of(Span.of("14:00", "16:00"), Span.of("08:00", "10:00"),
                Span.of("09:30", "11:00"), Span.of("11:00", "12:00"), Span.of("15:00", "15:30"))))
                .containsExactly(Span.of("08:00", "12:00"), Span.of("14:00", "16:00"));
        assertThat(ServiceHours.merge(List.of(Span.of("09:00", "18:00"), Span.of("10:00", "11:00"))))
                .containsExactly(Span.of("09:00", "18:00"));
        assertThat(ServiceHours.merge(List.of())).isEmpty();
    }

    @Test
    void weekendsHaveNoWeeklyWindows() {
        ServiceHours hours = new ServiceHours(TAIPEI, List.of(weekly("09:00", "18:00")), List.of());

        assertThat(hours.windowsOn(MONDAY.plusDays(5))).isEmpty();
        assertThat(hours.isOpen(taipei(MONDAY.plusDays(5), 10, 0))).isFalse();
    }

    @Test
    void aClosedDateHasNoWindowsEvenOnAWeekday() {
        LocalDate christmas = LocalDate.of(2026, 12, 25); // a Friday
        ServiceHours hours = new ServiceHours(TAIPEI, List.of(weekly("09:00", "18:00")),
                List.of(new Dated(christmas, null)));

        assertThat(hours.windowsOn(christmas)).isEmpty();
        assertThat(hours.isOpen(taipei(christmas, 10, 0))).isFalse();
        assertThat(hours.windowsOn(christmas.minusDays(1))).containsExactly(Span.of("09:00", "18:00"));
    }

    @Test
    void aClosedDateWinsOverAWindowOnTheSameDate() {
        LocalDate date = LocalDate.of(2027, 1, 1);
        ServiceHours hours = new ServiceHours(TAIPEI, List.of(), List.of(
                new Dated(date, Span.of("09:00", "12:00")), new Dated(date, null)));

        assertThat(hours.windowsOn(date)).isEmpty();
    }

    @Test
    void aOneOffDatedWindowOpensASaturdayAndReplacesAWeekdaysHours() {
        LocalDate saturday = LocalDate.of(2026, 12, 19);
        ServiceHours hours = new ServiceHours(TAIPEI, List.of(weekly("09:00", "12:00"), weekly("13:30", "18:00")),
                List.of(new Dated(saturday, Span.of("09:30", "12:30")), new Dated(saturday, Span.of("12:00", "13:00")),
                        new Dated(MONDAY, Span.of("14:00", "16:00"))));

        assertThat(hours.windowsOn(saturday)).containsExactly(Span.of("09:30", "13:00"));
        assertThat(hours.isOpen(taipei(saturday, 12, 45))).isTrue();
        assertThat(hours.windowsOn(MONDAY)).containsExactly(Span.of("14:00", "16:00"));
        assertThat(hours.isOpen(taipei(MONDAY, 10, 0))).isFalse();
        assertThat(hours.windowsOn(MONDAY.plusDays(7))).containsExactly(Span.of("09:00", "12:00"), Span.of("13:30", "18:00"));
    }

    @Test
    void opensAtTheStartAndClosesAtTheEndInTheFirmsTimeZone() {
        ServiceHours hours = new ServiceHours(TAIPEI, List.of(weekly("09:00", "12:00")), List.of());

        // 09:00 in Taipei is 01:00 UTC; the same instant is 18:00 on Sunday in Los Angeles.
        Instant nine = Instant.parse("2026-11-23T01:00:00Z");
        assertThat(hours.isOpen(nine)).isTrue();
        assertThat(hours.isOpen(nine.minusSeconds(1))).isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-11-23T03:59:59Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-11-23T04:00:00Z"))).isFalse();
        // The same wall-clock hours in another zone are other instants.
        ServiceHours losAngeles = new ServiceHours(ZoneId.of("America/Los_Angeles"), List.of(weekly("09:00", "12:00")), List.of());
        assertThat(losAngeles.isOpen(nine)).isFalse();
    }

    @Test
    void nextOpeningIsNowWhenOpenAndTheNextWindowOtherwise() {
        ServiceHours hours = new ServiceHours(TAIPEI, List.of(weekly("09:00", "12:00"), weekly("13:30", "18:00")),
                List.of(new Dated(MONDAY.plusDays(7), null)));

        Instant open = taipei(MONDAY, 10, 0);
        assertThat(hours.nextOpening(open)).contains(open);
        assertThat(hours.nextOpening(taipei(MONDAY, 12, 30))).contains(taipei(MONDAY, 13, 30));
        // Friday evening: Monday morning.
        assertThat(hours.nextOpening(taipei(MONDAY.plusDays(4), 19, 0))).contains(taipei(MONDAY.plusDays(7).plusDays(1), 9, 0));
        // The closed Monday is skipped: Tuesday.
        assertThat(hours.nextOpening(taipei(MONDAY.plusDays(5), 9, 0))).contains(taipei(MONDAY.plusDays(8), 9, 0));
    }

    @Test
    void noWindowsAtAllMeansAlwaysOpen() {
        ServiceHours hours = ServiceHours.alwaysOpen(TAIPEI);

        assertThat(hours.isAlwaysOpen()).isTrue();
        assertThat(hours.isOpen(taipei(MONDAY.plusDays(6), 3, 0))).isTrue();
    }

    @Test
    void onlyClosedDatesLeaveTheOtherDaysClosedToo() {
        ServiceHours hours = new ServiceHours(TAIPEI, List.of(), List.of(new Dated(MONDAY, null)));

        assertThat(hours.isAlwaysOpen()).isFalse();
        assertThat(hours.nextOpening(taipei(MONDAY, 10, 0))).isEmpty();
    }

    @Test
    void aZoneWithDaylightSavingOpensAtTheLocalTimeOnBothSidesOfTheChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ServiceHours hours = new ServiceHours(berlin, List.of(new Weekly(EnumSet.allOf(DayOfWeek.class), Span.of("09:00", "17:00"))),
                List.of());

        assertThat(hours.nextOpening(ZonedDateTime.of(2026, 3, 28, 20, 0, 0, 0, berlin).toInstant()))
                .contains(Instant.parse("2026-03-29T07:00:00Z")); // summer time: UTC+2
        assertThat(hours.nextOpening(ZonedDateTime.of(2026, 3, 27, 20, 0, 0, 0, berlin).toInstant()))
                .contains(Instant.parse("2026-03-28T08:00:00Z")); // winter time: UTC+1
    }

    @Test
    void readsDaysAndRangesAsTheImportBundleWritesThem() {
        assertThat(ServiceHours.days(List.of("MON", "TUE", "WED", "THU", "FRI"))).isEqualTo(WEEKDAYS);
        assertThat(ServiceHours.days(List.of("MON-FRI"))).isEqualTo(WEEKDAYS);
        assertThat(ServiceHours.days(List.of("FRI-MON"))).containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(ServiceHours.days(List.of("sat", "sun"))).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThatThrownBy(() -> ServiceHours.days(List.of("MONDAYISH"))).hasMessageContaining("Unknown day");
    }

    @Test
    void rejectsWindowsThatEndBeforeTheyStartOrAreNotTimes() {
        assertThatThrownBy(() -> Span.of("18:00", "09:00")).hasMessageContaining("start before it ends");
        assertThatThrownBy(() -> Span.of("9am", "12:00")).hasMessageContaining("not HH:mm");
        assertThat(Span.of("18:00", "24:00").to()).isEqualTo(24 * 60);
    }

    private static Weekly weekly(String from, String to) {
        return new Weekly(WEEKDAYS, Span.of(from, to));
    }

    private static Instant taipei(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(TAIPEI).toInstant();
    }
}
