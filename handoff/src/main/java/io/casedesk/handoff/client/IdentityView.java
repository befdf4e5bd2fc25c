package io.casedesk.handoff.client;

import java.util.Map;

/** case-service's answer for a channel identity. */
public record IdentityView(String customerRef, String name, String language, Map<String, String> salutation,
                           boolean vip, boolean verified) {
}
