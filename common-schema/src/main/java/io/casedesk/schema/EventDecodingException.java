package io.casedesk.schema;

/** A record that is not a CaseDesk envelope: not JSON, or missing a required envelope field. */
public class EventDecodingException extends RuntimeException {
    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventDecodingException(String message) {
        super(message);
    }
}
