package io.casedesk.cases.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The channels a customer identity can live on, and how each one's external ids compare. */
public enum IdentityChannel {
    LINE("line"),
    EMAIL("email");

    private final String wireName;

    IdentityChannel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<IdentityChannel> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst();
    }

    /** The form an external id is stored and looked up in: email addresses are case-insensitive, LINE ids are not. */
    public String normalize(String externalId) {
        String trimmed = externalId.trim();
        return this == EMAIL ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }
}
