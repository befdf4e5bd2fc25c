package io.casedesk.ingress.line.service;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;
import io.casedesk.ingress.line.config.LineConfig;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.OutboundLineMessage;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * Sends one outbound message with the official SDK: the free reply API while the reply token is fresh,
 * otherwise (or when the reply is refused) a push whose {@code X-Line-Retry-Key} is the outbound event id,
 * so LINE itself drops a repeated push.
 */
@Singleton
public class LineSender {

    public static final String REPLY = "reply";
    public static final String PUSH = "push";
    private static final int PUSH_RETRIES = 2;

    /** What happened, in the terms of a {@code DeliveryReport}; {@code detail} never holds message text. */
    public record Outcome(DeliveryStatus status, String method, String detail) {
    }

    private final MessagingApiClient client;
    private final Duration replyTokenTtl;
    private final LineMetrics metrics;

    @Inject
    public LineSender(MessagingApiClient client, LineConfig config, LineMetrics metrics) {
        this(client, config.replyTokenTtl(), metrics);
    }

    LineSender(MessagingApiClient client, Duration replyTokenTtl, LineMetrics metrics) {
        this.client = client;
        this.replyTokenTtl = replyTokenTtl;
        this.metrics = metrics;
    }

    public Uni<Outcome> send(String outboundEventId, OutboundLineMessage message) {
        if (message.texts().isEmpty()) {
            return Uni.createFrom().item(new Outcome(DeliveryStatus.SKIPPED, null, "no_text"));
        }
        List<Message> bubbles = message.texts().stream().<Message>map(TextMessage::new).toList();
        if (!hasFreshReplyToken(message)) {
            return push(outboundEventId, message.to(), bubbles, null);
        }
        return Uni.createFrom().completionStage(() ->
                        client.replyMessage(new ReplyMessageRequest(message.replyToken(), bubbles, false)))
                .map(sent -> {
                    metrics.send(REPLY, "sent");
                    return new Outcome(DeliveryStatus.SENT, REPLY, null);
                })
                .onFailure().recoverWithUni(failure -> {
                    metrics.send(REPLY, "failed");
                    return push(outboundEventId, message.to(), bubbles, "reply_failed_" + describe(failure));
                });
    }

    private boolean hasFreshReplyToken(OutboundLineMessage message) {
        return message.replyToken() != null && message.replyTokenIssuedAt() != null
                && Duration.between(message.replyTokenIssuedAt(), Instant.now()).compareTo(replyTokenTtl) < 0;
    }

    private Uni<Outcome> push(String outboundEventId, String to, List<Message> bubbles, String why) {
        if (to == null || to.isBlank()) {
            metrics.send(PUSH, "failed");
            return Uni.createFrom().item(new Outcome(DeliveryStatus.FAILED, PUSH, detail(why, "no_recipient")));
        }
        UUID retryKey = retryKey(outboundEventId);
        return Uni.createFrom().completionStage(() ->
                        client.pushMessage(retryKey, new PushMessageRequest(to, bubbles, false, null)))
                // Safe to repeat: LINE answers 409 to a retry key it already accepted.
                .onFailure(LineSender::isTransient).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(PUSH_RETRIES)
                .map(sent -> {
                    metrics.send(PUSH, "sent");
                    return new Outcome(DeliveryStatus.SENT, PUSH, why);
                })
                .onFailure().recoverWithItem(failure -> {
                    if (statusOf(failure) == 409) {
                        metrics.send(PUSH, "duplicate");
                        return new Outcome(DeliveryStatus.SENT, PUSH, detail(why, "retry_key_already_accepted"));
                    }
                    metrics.send(PUSH, "failed");
                    return new Outcome(DeliveryStatus.FAILED, PUSH, detail(why, describe(failure)));
                });
    }

    /** The outbound event id is a UUID by the id rules; anything else still maps to a stable key. */
    static UUID retryKey(String outboundEventId) {
        try {
            return UUID.fromString(outboundEventId);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(outboundEventId.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean isTransient(Throwable failure) {
        int status = statusOf(failure);
        return status == 429 || status >= 500 || (status == -1 && unwrap(failure) instanceof IOException);
    }

    /** The HTTP status LINE answered with, or -1 when there was no answer. */
    private static int statusOf(Throwable failure) {
        return unwrap(failure) instanceof AbstractLineClientException lineError ? lineError.getCode() : -1;
    }

    private static String describe(Throwable failure) {
        int status = statusOf(failure);
        return status == -1 ? "io_error" : "http_" + status;
    }

    private static String detail(String first, String second) {
        return first == null ? second : first + "," + second;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
