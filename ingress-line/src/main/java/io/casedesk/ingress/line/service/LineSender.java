package io.casedesk.ingress.line.service;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.Sender;
import com.linecorp.bot.messaging.model.TextMessage;
import io.casedesk.ingress.line.config.LineConfig;
import io.casedesk.schema.AnswerKind;
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
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sends one outbound message with the official SDK: the free reply API while the reply token is fresh,
 * otherwise (or when the reply is refused) a push whose {@code X-Line-Retry-Key} is the outbound event id,
 * so LINE itself drops a repeated push. Texts are fitted into LINE's limits ({@link TextSplitter}). A 429 is
 * retried after LINE's {@code Retry-After} (bounded); a push also after network errors and 5xx; any other
 * 4xx of a push is permanent and not retried.
 */
@Singleton
public class LineSender {

    public static final String REPLY = "reply";
    public static final String PUSH = "push";

    /**
     * How failed calls are repeated.
     *
     * @param maxRetries    retries after the first attempt
     * @param firstBackoff  the wait before the first retry without {@code Retry-After}; doubles each time
     * @param maxBackoff    the longest such wait
     * @param maxRetryAfter the longest wait for a {@code Retry-After}, however long LINE asks for
     */
    public record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {
        public static final RetryPolicy DEFAULT =
                new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** What happened, in the terms of a {@code DeliveryReport}; {@code detail} never holds message text. */
    public record Outcome(DeliveryStatus status, String method, String detail) {
    }

    private final MessagingApiClient client;
    private final Duration replyTokenTtl;
    private final String agentSenderName;
    private final LineMetrics metrics;
    private final RetryPolicy retryPolicy;
    private final LineApiTraces traces;

    @Inject
    public LineSender(MessagingApiClient client, LineConfig config, LineMetrics metrics, LineApiTraces traces) {
        this(client, config.replyTokenTtl(), metrics, RetryPolicy.DEFAULT, traces, config.agentSenderName());
    }

    LineSender(MessagingApiClient client, Duration replyTokenTtl, LineMetrics metrics, RetryPolicy retryPolicy,
            LineApiTraces traces, String agentSenderName) {
        this.client = client;
        this.agentSenderName = agentSenderName;
        this.replyTokenTtl = replyTokenTtl;
        this.metrics = metrics;
        this.retryPolicy = retryPolicy;
        this.traces = traces;
    }

    /** Sends without trace context. */
    public Uni<Outcome> send(String outboundEventId, OutboundLineMessage message) {
        return send(outboundEventId, null, message);
    }

    /** Sends; every call to LINE carries {@code traceparent} (may be {@code null}). */
    public Uni<Outcome> send(String outboundEventId, String traceparent, OutboundLineMessage message) {
        if (message.texts().isEmpty()) {
            return Uni.createFrom().item(new Outcome(DeliveryStatus.SKIPPED, null, "no_text"));
        }
        TextSplitter.Split split = TextSplitter.split(message.texts());
        Sender sender = message.answerKind() == AnswerKind.AGENT || message.answerKind() == AnswerKind.APPROVED_DRAFT
                ? new Sender(agentSenderName, null) : null;
        List<Message> bubbles = split.texts().stream()
                .<Message>map(text -> new TextMessage(null, sender, text, null, null)).toList();
        String note = split.truncated() ? "truncated" : null;
        if (!hasFreshReplyToken(message)) {
            return push(outboundEventId, traceparent, message.to(), bubbles, note);
        }
        ReplyMessageRequest reply = new ReplyMessageRequest(message.replyToken(), bubbles, false);
        // Only a rate limit is retried: the token stays valid, while after other errors it may be spent.
        return withRetries(() -> traces.traced(reply, REPLY, traceparent, () -> client.replyMessage(reply)),
                        LineSender::isRateLimited)
                .map(sent -> {
                    metrics.send(REPLY, "sent");
                    return new Outcome(DeliveryStatus.SENT, REPLY, note);
                })
                .onFailure().recoverWithUni(failure -> {
                    metrics.send(REPLY, "failed");
                    return push(outboundEventId, traceparent, message.to(), bubbles,
                            detail(note, "reply_failed_" + describe(failure)));
                });
    }

    private boolean hasFreshReplyToken(OutboundLineMessage message) {
        return message.replyToken() != null && message.replyTokenIssuedAt() != null
                && Duration.between(message.replyTokenIssuedAt(), Instant.now()).compareTo(replyTokenTtl) < 0;
    }

    private Uni<Outcome> push(String outboundEventId, String traceparent, String to, List<Message> bubbles,
            String why) {
        if (to == null || to.isBlank()) {
            metrics.send(PUSH, "failed");
            return Uni.createFrom().item(new Outcome(DeliveryStatus.FAILED, PUSH, detail(why, "no_recipient")));
        }
        UUID retryKey = retryKey(outboundEventId);
        PushMessageRequest request = new PushMessageRequest(to, bubbles, false, null);
        // Safe to repeat: LINE answers 409 to a retry key it already accepted.
        return withRetries(() -> traces.traced(request, PUSH, traceparent, () -> client.pushMessage(retryKey, request)),
                        LineSender::isTransient)
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

    private <T> Uni<T> withRetries(Supplier<CompletionStage<T>> call, Predicate<Throwable> retryable) {
        return attempt(call, retryable, 1);
    }

    private <T> Uni<T> attempt(Supplier<CompletionStage<T>> call, Predicate<Throwable> retryable, int retry) {
        return Uni.createFrom().completionStage(call)
                .onFailure(failure -> retry <= retryPolicy.maxRetries() && retryable.test(failure))
                .recoverWithUni(failure -> Uni.createFrom().voidItem()
                        .onItem().delayIt().by(retryDelay(failure, retry))
                        .flatMap(waited -> attempt(call, retryable, retry + 1)));
    }

    /** LINE's {@code Retry-After} (in seconds) when it sent one, within bounds; else an exponential backoff. */
    Duration retryDelay(Throwable failure, int retry) {
        Throwable cause = unwrap(failure);
        if (cause instanceof AbstractLineClientException lineError) {
            String retryAfter = lineError.getHeader("Retry-After");
            if (retryAfter != null && retryAfter.trim().matches("\\d{1,9}")) {
                Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
                return asked.compareTo(retryPolicy.maxRetryAfter()) > 0 ? retryPolicy.maxRetryAfter() : asked;
            }
        }
        Duration backoff = retryPolicy.firstBackoff().multipliedBy(1L << Math.min(retry - 1, 20));
        return backoff.compareTo(retryPolicy.maxBackoff()) > 0 ? retryPolicy.maxBackoff() : backoff;
    }

    /** The outbound event id is a UUID by the id rules; anything else still maps to a stable key. */
    static UUID retryKey(String outboundEventId) {
        try {
            return UUID.fromString(outboundEventId);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(outboundEventId.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean isRateLimited(Throwable failure) {
        return statusOf(failure) == 429;
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
