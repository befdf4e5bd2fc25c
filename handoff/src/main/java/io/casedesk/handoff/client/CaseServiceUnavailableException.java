package io.casedesk.handoff.client;

/** case-service could not answer; the caller goes on without what it asked for. */
public class CaseServiceUnavailableException extends RuntimeException {

    public CaseServiceUnavailableException(String message) {
        super(message);
    }
}
