package io.casedesk.handoff.messaging;

import io.casedesk.schema.EventDecodingException;

/**
 * Why a record goes to the dead-letter topic, in words that quote nothing of the record: the messaging
 * framework logs this message and writes it into the dead-letter record's {@code dead-letter-reason} header.
 */
public class RejectedRecordException extends RuntimeException {

    public RejectedRecordException(RuntimeException cause) {
        super(describe(cause), null, false, false);
    }

    private static String describe(RuntimeException failure) {
        if (failure instanceof EventDecodingException) {
            // The codec appends the JSON parser's own message, which can quote a piece of the record.
            String message = failure.getMessage();
            int detail = message.indexOf(": ");
            return detail < 0 ? message : message.substring(0, detail);
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
