package io.casedesk.cases.view;

import io.casedesk.cases.model.ChannelIdentity;

import java.util.Map;

/** Who wrote on a channel: the customer behind a LINE user id or email address. */
public record IdentityView(String customerRef, String name, String language, Map<String, String> salutation,
                           boolean vip, boolean verified) {

    public static IdentityView of(ChannelIdentity identity) {
        var customer = identity.customer;
        return new IdentityView(customer.ref, customer.name, customer.language, customer.salutation, customer.vip,
                identity.verified);
    }
}
