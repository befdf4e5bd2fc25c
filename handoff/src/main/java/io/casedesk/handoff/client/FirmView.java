package io.casedesk.handoff.client;

import java.util.List;
import java.util.Map;

/** The imported firm's settings as case-service gives them (DESIGN §7). */
public record FirmView(String name, String timezone, List<String> languages, Hours serviceHours,
                       Map<String, String> outOfHoursText) {

    public record Hours(List<Weekly> weekly, List<Dated> dated) {
    }

    public record Weekly(List<String> days, String from, String to) {
    }

    public record Dated(String date, String from, String to, Boolean closed) {
    }
}
