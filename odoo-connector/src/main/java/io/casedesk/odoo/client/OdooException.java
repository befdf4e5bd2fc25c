package io.casedesk.odoo.client;

/**
 * A failed Odoo call. {@link #isTransient()} when trying again may help (Odoo unreachable, a proxy's 502/503/504, a
 * timeout); otherwise Odoo refused the call (bad key, unknown model or field, a missing record) and only a change
 * of configuration or data helps. The message names Odoo's exception and its message, never a record's content.
 */
public class OdooException extends RuntimeException {

    private final String odooName;
    private final int httpStatus;
    private final boolean transientFailure;

    public OdooException(String message, String odooName, int httpStatus, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.odooName = odooName;
        this.httpStatus = httpStatus;
        this.transientFailure = transientFailure;
    }

    public static OdooException unreachable(String what, Throwable cause) {
        return new OdooException(what + ": " + cause.getClass().getSimpleName(), null, 0, true, cause);
    }

    /** The Python exception Odoo named, e.g. {@code odoo.exceptions.AccessDenied}; null when Odoo did not answer. */
    public String odooName() {
        return odooName;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public boolean isMissingRecord() {
        return "odoo.exceptions.MissingError".equals(odooName);
    }
}
