package io.casedesk.cases.model;

import java.util.Arrays;
import java.util.List;

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

    public String wireName() {
        return wireName;
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(CaseStatus::wireName).toList();
    }
}
