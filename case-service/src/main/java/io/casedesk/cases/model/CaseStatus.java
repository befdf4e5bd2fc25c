package io.casedesk.cases.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The statuses a case can have (DESIGN §7); the database holds the wire names. */
public enum CaseStatus {
    INTAKE("intake"),
    IN_PROGRESS("in_progress"),
    AWAITING_CLIENT("awaiting_client"),
    AWAITING_COURT("awaiting_court"),
    CLOSED("closed");

    private final String wireName;

    CaseStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<CaseStatus> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(wireName)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(CaseStatus::wireName).toList();
    }
}
