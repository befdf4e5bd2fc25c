package io.casedesk.schema;

/**
 * Why a consumed record goes to its dead-letter topic, in words that quote nothing of the record: the
 * messaging framework logs this message and writes it into the dead-letter record's
 * {@code dead-letter-reason} header. The record itself, on the dead-letter topic, has what is needed to
 * investigate.
 */
public class RejectedRecordException extends RuntimeException {

    public RejectedRecordException(RuntimeException cause) {
        super(describe(cause), null, false, false);
    }

    private static String describe(RuntimeException failure) {
        if (failure instanceof EventDecodingException) {
            return failure.getMessage(); // names where the record is broken, never its content
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
