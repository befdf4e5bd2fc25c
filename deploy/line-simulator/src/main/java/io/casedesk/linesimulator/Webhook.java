package io.casedesk.linesimulator;

/**
 * A webhook body built by the simulator, not yet sent.
 *
 * @param userId         the user who "wrote" it
 * @param webhookEventId the id LINE gives the (single) event
 * @param replyToken     the reply token the simulator issued for it; single-use
 * @param body           the raw JSON bytes, exactly as they are signed and posted
 */
public record Webhook(String userId, String webhookEventId, String replyToken, byte[] body) {
}
