package io.casedesk.cases.messaging;

import io.casedesk.schema.EventDecodingException;

/**
 * A record that is not a CaseDesk event. Its message says what kind of problem it is and nothing more: the
 * codec's detail may quote the record, and this message is logged and written to the dead-letter record's
 * reason header. The record itself, on the dead-letter topic, has everything needed to investigate.
 */
public class UndecodableRecordException extends RuntimeException {

    public UndecodableRecordException(EventDecodingException cause) {
        super(problemKind(cause.getMessage()), null, false, false);
    }

    /** "Record is not JSON: Unrecognized token 'x'…" becomes "Record is not JSON". */
    private static String problemKind(String message) {
        if (message == null) {
            return "Record is not a CaseDesk event";
        }
        int detail = message.indexOf(": ");
        return detail < 0 ? message : message.substring(0, detail);
    }
}
