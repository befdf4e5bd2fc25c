package io.casedesk.responder.client;

import java.util.Map;

/** A customer as case-service resolves it from a channel identity. */
public record CustomerView(
        String customerRef,
        String name,
        String language,
        Map<String, String> salutation,
        boolean vip,
        boolean verified) {

    public CustomerView {
        salutation = salutation == null ? Map.of() : Map.copyOf(salutation);
    }
}
