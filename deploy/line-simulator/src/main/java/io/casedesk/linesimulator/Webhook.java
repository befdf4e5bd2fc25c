package io.casedesk.linesimulator;

/**
 * A webhook body built by the simulator, not yet sent.
 *
 * @param userId         the user who "wrote" it
 * @param webhookEventId the id LINE gives the (single) event
 * @param replyToken     the reply token the simulator issued for it; single-use
 * @param body           the raw JSON bytes, exactly as they are signed and posted
 * @param traceparent    the W3C {@code traceparent} header it is posted with (LINE itself sends none; the
 *                       simulator does, so a test can follow the message through the bot to its answer)
 */
public record Webhook(String userId, String webhookEventId, String replyToken, byte[] body, String traceparent) {

    /** The same webhook, posted with {@code traceparent}. */
    public Webhook withTraceparent(String traceparent) {
        return new Webhook(userId, webhookEventId, replyToken, body, traceparent);
    }
}
