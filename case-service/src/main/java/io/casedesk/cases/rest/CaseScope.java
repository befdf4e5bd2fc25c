package io.casedesk.cases.rest;

import jakarta.ws.rs.BadRequestException;

/** The {@code scope} query parameter of case lists: {@code open} (the default) or {@code all}. */
final class CaseScope {

    static final String DEFAULT = "open";
    static final String DESCRIPTION = "open (closed cases left out) or all (closed cases last)";

    private CaseScope() {
    }

    static boolean includesClosed(String scope) {
        return switch (scope) {
            case "open" -> false;
            case "all" -> true;
            default -> throw new BadRequestException("scope must be open or all");
        };
    }
}
