package io.casedesk.responder.service;

/**
 * A written answer.
 *
 * @param handoffReason when not {@code null}, a person should also take the conversation over (the
 *                      answer then only tells the customer so)
 */
public record Answer(String text, String handoffReason) {

    static Answer of(String text) {
        return new Answer(text, null);
    }

    static Answer withHandoff(String text, String reason) {
        return new Answer(text, reason);
    }

    public boolean needsHandoff() {
        return handoffReason != null;
    }
}
