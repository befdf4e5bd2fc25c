package io.casedesk.responder.service;

/**
 * A written answer.
 *
 * @param handoffReason when not {@code null}, a person also takes the conversation over; the text is still
 *                      sent (after the grounding check) so the customer knows
 */
public record Answer(String text, String handoffReason) {

    public static Answer of(String text) {
        return new Answer(text, null);
    }

    public static Answer withHandoff(String text, String reason) {
        return new Answer(text, reason);
    }

    public boolean needsHandoff() {
        return handoffReason != null;
    }
}
