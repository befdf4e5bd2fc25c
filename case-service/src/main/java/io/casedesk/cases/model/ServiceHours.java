package io.casedesk.cases.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The firm's service hours (DESIGN §7): weekly windows, and dated windows that replace a day's hours or
 * close it. Times are {@code HH:mm} in the firm's timezone, kept as text exactly as imported.
 */
public record ServiceHours(List<WeeklyWindow> weekly, List<DatedWindow> dated) {

    public ServiceHours {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        dated = dated == null ? List.of() : List.copyOf(dated);
    }

    public static ServiceHours none() {
        return new ServiceHours(List.of(), List.of());
    }

    /** Open from {@code from} to {@code to} on each of {@code days} ({@code MON} … {@code SUN}). */
    public record WeeklyWindow(List<String> days, String from, String to) {
        public WeeklyWindow {
            days = days == null ? List.of() : List.copyOf(days);
        }
    }

    /** On {@code date} (ISO), either open from {@code from} to {@code to}, or {@code closed}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatedWindow(String date, String from, String to, Boolean closed) {
    }
}
