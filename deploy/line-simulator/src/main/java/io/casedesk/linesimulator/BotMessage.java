package io.casedesk.linesimulator;

import java.time.Instant;
import java.util.List;

/**
 * One request in which the bot sent messages to a chat.
 *
 * @param chatId     the user, group or room the messages went to
 * @param method     {@code reply} or {@code push}
 * @param texts      the text of each message; other message types are recorded as {@code [type]}
 * @param replyToken the reply token used, for replies
 * @param retryKey   the {@code X-Line-Retry-Key} of a push, when the bot sent one
 * @param senderName the {@code sender.name} of the first message (LINE's icon and nickname switch, with which
 *                   a person answering through the bot is named), when it has one
 * @param traceparent the W3C {@code traceparent} header of the request, when the bot sent one
 */
public record BotMessage(String chatId, String method, Instant at, List<String> texts, String replyToken,
        String retryKey, String senderName, String traceparent) {

    public static final String REPLY = "reply";
    public static final String PUSH = "push";

    public BotMessage {
        texts = List.copyOf(texts);
    }

    /** A message sent without trace context. */
    public BotMessage(String chatId, String method, Instant at, List<String> texts, String replyToken,
            String retryKey, String senderName) {
        this(chatId, method, at, texts, replyToken, retryKey, senderName, null);
    }
}
