package io.casedesk.schema;

import java.time.Instant;

/**
 * LINE-specific facts of an inbound message.
 *
 * @param destination      the bot's user id the webhook was sent for
 * @param sourceType       {@code user}, {@code group} or {@code room}
 * @param userId           the writer, when LINE discloses it
 * @param groupId          set for group chats
 * @param roomId           set for multi-person chats
 * @param replyToken       free reply token, valid for a short time after {@code replyTokenIssuedAt}
 * @param mentionedBot     in a group or room: whether the bot was mentioned
 * @param standby          webhook mode {@code standby}: recorded, never answered
 * @param redelivery       LINE marked the event as a redelivery
 */
public record LineSource(
        String destination,
        String sourceType,
        String userId,
        String groupId,
        String roomId,
        String webhookEventId,
        String messageId,
        String replyToken,
        Instant replyTokenIssuedAt,
        boolean mentionedBot,
        boolean standby,
        boolean redelivery) {
}
