package io.casedesk.responder.client;

import java.util.List;

/**
 * The firm as case-service holds it from the import bundle: its name and tone (for a model's prompt), its time zone
 * (what "today" is for a next step's date), its languages, first the one it writes in by default, and its service hours
 * (which days the office is open, for "can I come by on Friday?").
 */
public record FirmView(String name, String tone, String timezone, List<String> languages, ServiceHours serviceHours) {

    public FirmView {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    public FirmView(String name, String tone, String timezone, List<String> languages) {
        this(name, tone, timezone, languages, null);
    }

    public FirmView(String name, String tone) {
        this(name, tone, null, List.of(), null);
    }

    /** Weekly windows ({@code days} as {@code MON} … {@code SUN}, times {@code HH:mm}) and dated ones that replace a day. */
    public record ServiceHours(List<Weekly> weekly, List<Dated> dated) {

        public ServiceHours {
            weekly = weekly == null ? List.of() : List.copyOf(weekly);
            dated = dated == null ? List.of() : List.copyOf(dated);
        }

        public record Weekly(List<String> days, String from, String to) {
            public Weekly {
                days = days == null ? List.of() : List.copyOf(days);
            }
        }

        /** On {@code date} (ISO) open from {@code from} to {@code to}, or {@code closed}. */
        public record Dated(String date, String from, String to, Boolean closed) {
        }
    }
}
