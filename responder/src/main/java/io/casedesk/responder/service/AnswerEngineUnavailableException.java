package io.casedesk.responder.service;

/** The answer engine timed out, failed or answered out of shape; a person takes over. */
public class AnswerEngineUnavailableException extends RuntimeException {

    public AnswerEngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
