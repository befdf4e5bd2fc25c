package io.casedesk.launcher.probe;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The business time a stack's clock starts at ({@code casedesk.clock.start}), as people write it. */
public final class BusinessTime {

    /** The firm's time zone ({@code firm.timezone}), else Asia/Taipei, the services' default. */
    public static ZoneId zoneOf(JsonNode bundle) {
        String zone = bundle.path("firm").path("timezone").asText("");
        try {
            return zone.isBlank() ? ZoneId.of("Asia/Taipei") : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneId.of("Asia/Taipei");
        }
    }

    /** {@code 2026-12-07T09:30:00+08:00}, or {@code 2026-12-07T09:30} in {@code zone}; empty for anything else. */
    public static Optional<OffsetDateTime> parse(String text, ZoneId zone) {
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException notWithOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).atZone(zone).toOffsetDateTime());
            } catch (DateTimeParseException notLocal) {
                return Optional.empty();
            }
        }
    }

    private BusinessTime() {
    }
}
