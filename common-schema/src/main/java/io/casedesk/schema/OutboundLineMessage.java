package io.casedesk.schema;

import java.time.Instant;
import java.util.List;

/**
 * Text to send to a LINE chat. Published to {@link Topics#OUTBOUND_LINE}; the envelope's {@code eventId}
 * is the retry key of the push, so a redelivered record never reaches the customer twice.
 *
 * @param destination        the bot's user id (which channel sends)
 * @param to                 user, group or room id
 * @param replyToken         the inbound's reply token, used while fresh; {@code null} forces a push
 * @param replyTokenIssuedAt when the reply token was issued
 * @param inReplyToEventId   the inbound event answered, {@code null} for a message nobody asked for
 * @param texts              one to five text bubbles
 */
public record OutboundLineMessage(
        String destination,
        String to,
        String replyToken,
        Instant replyTokenIssuedAt,
        String inReplyToEventId,
        String inReplyToMessageId,
        List<String> texts,
        AnswerKind answerKind) implements EventPayload {

    public OutboundLineMessage {
        texts = texts == null ? List.of() : List.copyOf(texts);
    }
}
