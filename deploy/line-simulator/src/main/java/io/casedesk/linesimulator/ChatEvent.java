package io.casedesk.linesimulator;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened in a chat, as the simulator's web page shows it and {@code GET /simulator/events}
 * streams it.
 *
 * @param id             increasing over the simulator's life; the SSE event id
 * @param kind           {@link #CUSTOMER} (a webhook the simulator sent), {@link #BOT} (the bot sent messages),
 *                       {@link #LOADING} (the bot started LINE's loading animation) or {@link #UNDELIVERED}
 *                       (the bot refused or could not be reached for the customer message {@code refersTo})
 * @param texts          the bubbles: text, or {@code [type]} for other message types
 * @param sticker        for a customer's sticker message
 * @param method         for bot messages: {@code reply} or {@code push}
 * @param sender         for bot messages carrying LINE's {@code sender} (icon and nickname switch): its name
 * @param loadingSeconds for the loading animation: how long it runs unless a message arrives first
 * @param status         for undelivered messages: the bot's HTTP status, {@code null} when it was unreachable
 * @param error          for undelivered messages: why, in words
 * @param traceparent    for customer messages: the {@code traceparent} their webhook was posted with; for bot
 *                       messages: that of the API call that sent them ({@code null} when it carried none)
 */
public record ChatEvent(long id, String kind, String chatId, Instant at, List<String> texts, Sticker sticker,
        String method, String sender, Integer loadingSeconds, Long refersTo, Integer status, String error,
        String traceparent) {

    public static final String CUSTOMER = "customer";
    public static final String BOT = "bot";
    public static final String LOADING = "loading";
    public static final String UNDELIVERED = "undelivered";

    public ChatEvent {
        texts = texts == null ? null : List.copyOf(texts);
    }

    /** A LINE sticker: {@code packageId} and {@code stickerId} as in LINE's sticker list. */
    public record Sticker(String packageId, String stickerId) {
    }

    static ChatEvent customer(long id, String chatId, List<String> texts, Sticker sticker, String traceparent) {
        return new ChatEvent(id, CUSTOMER, chatId, Instant.now(), texts, sticker, null, null, null, null, null, null,
                traceparent);
    }

    static ChatEvent bot(long id, BotMessage message) {
        return new ChatEvent(id, BOT, message.chatId(), message.at(), message.texts(), null, message.method(),
                message.senderName(), null, null, null, null, message.traceparent());
    }

    static ChatEvent loading(long id, String chatId, int seconds) {
        return new ChatEvent(id, LOADING, chatId, Instant.now(), null, null, null, null, seconds, null, null, null,
                null);
    }

    static ChatEvent undelivered(long id, String chatId, long customerEventId, Integer status, String error) {
        return new ChatEvent(id, UNDELIVERED, chatId, Instant.now(), null, null, null, null, null, customerEventId,
                status, error, null);
    }
}
