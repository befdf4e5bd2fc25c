package io.casedesk.handoff.model;

import java.util.Locale;

/** Whether a ticket carries the customer's case summary, and if not, why. */
public enum CaseSummaryStatus {
    /** The summary is there (possibly no open cases). */
    OK,
    /** The writer is not a known customer. */
    UNKNOWN_CUSTOMER,
    /** case-service did not answer. */
    UNAVAILABLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
