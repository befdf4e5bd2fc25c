package io.casedesk.responder.service;

import io.casedesk.responder.client.FirmView.ServiceHours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfficeDaysTest {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.parse("2026-12-09");
    private static final ServiceHours HOURS = new ServiceHours(List.of(
            new ServiceHours.Weekly(List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "18:00"),
            new ServiceHours.Weekly(List.of("SAT"), "09:00", "12:30")),
            List.of(new ServiceHours.Dated("2026-12-11", null, null, true),
                    new ServiceHours.Dated("2026-12-12", null, null, true),
                    new ServiceHours.Dated("2026-12-31", "09:00", "12:00", null)));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Can I drop off the signed form at your office this Friday? | 2026-12-11",
            "Are you open on Saturday? | 2026-12-12",
            "Are you open next Monday? | 2026-12-14",
            "你們明天有開嗎？ | 2026-12-10",
            "請問後天可以去事務所拿文件嗎 | 2026-12-11",
            "下週二可以親送資料過去嗎 | 2026-12-15",
            "12月31日你們有上班嗎 | 2026-12-31",
            "Is the office open on Dec 31? | 2026-12-31",
            "我今天下午可以到你們辦公室嗎？ | 2026-12-09",
    })
    void readsTheDayAVisitIsAskedFor(String text, LocalDate day) {
        assertThat(OfficeDays.asked(text, TODAY, HOURS)).get().extracting(OfficeDays.OfficeDay::day).isEqualTo(day);
    }

    @ParameterizedTest
    @ValueSource(strings = {"我明天休息，可以幫我查案子嗎", "Is my case still open?", "When is my hearing on Friday?",
            "我的案子下週二開庭嗎", "How much do I owe?", "你們事務所在哪裡"})
    void otherQuestionsAskNoSuchThing(String text) {
        assertThat(OfficeDays.asked(text, TODAY, HOURS)).isEmpty();
    }

    @Test
    void aClosedDayNamesTheNextOpenOneAndADatedDayReplacesTheWeeklyHours() {
        OfficeDays.OfficeDay friday = OfficeDays.asked("Can I come by on Friday?", TODAY, HOURS).orElseThrow();
        OfficeDays.OfficeDay newYearsEve = OfficeDays.asked("12/31 有開門嗎", TODAY, HOURS).orElseThrow();

        assertThat(friday.open()).isFalse();
        assertThat(friday.nextOpen()).isEqualTo("2026-12-14");
        assertThat(friday.nextOpenHours()).containsExactly("09:00–18:00");
        assertThat(newYearsEve.hours()).containsExactly("09:00–12:00");
        assertThat(OfficeDays.asked("Can I come by on Friday?", TODAY, new ServiceHours(List.of(), List.of())))
                .as("a firm that states no hours").isEmpty();
    }
}
