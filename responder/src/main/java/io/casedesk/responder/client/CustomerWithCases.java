package io.casedesk.responder.client;

import java.util.List;
import java.util.Map;

/**
 * The writer as case-service resolves a channel identity, with that customer's cases, from one call. The cases are
 * empty for an unverified identity: case-service shares no case facts before the identity is linked.
 */
public record CustomerWithCases(
        String customerRef,
        String name,
        String language,
        Map<String, String> salutation,
        boolean vip,
        boolean verified,
        List<CaseView> cases) {

    public CustomerWithCases {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    public CustomerView customer() {
        return new CustomerView(customerRef, name, language, salutation, vip, verified);
    }
}
