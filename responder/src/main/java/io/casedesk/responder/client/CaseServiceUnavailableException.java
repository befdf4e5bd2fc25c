package io.casedesk.responder.client;

/** case-service could not answer; the responder hands the conversation to a person instead of guessing. */
public class CaseServiceUnavailableException extends RuntimeException {
    public CaseServiceUnavailableException(String message) {
        super(message);
    }
}
