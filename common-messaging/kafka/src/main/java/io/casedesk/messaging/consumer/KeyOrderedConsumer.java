package io.casedesk.messaging.consumer;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Handles a channel's records concurrently while keeping the order of each key's records: records of one conversation
 * (one Kafka key) are handled one after the other in offset order; records of different conversations in parallel on
 * a pool of {@code workers} threads. At most {@code maxInFlight} records are taken from the channel and not yet
 * settled (back-pressure: the connector stops polling for more).
 * <p>
 * A record is acknowledged when its handler returns and nacked when it throws: the channel's failure strategy then
 * acts on it ({@code dead-letter-queue}: parked on {@code <topic>.dlq}). Acknowledgements arrive out of offset order
 * across keys; the Kafka connector's {@code throttled} commit strategy commits, per partition, only up to the lowest
 * record not yet settled, so a crash loses nothing and redelivers only records whose effects are deduplicated by
 * their deterministic event ids.
 * <p>
 * Why written here: SmallRye Reactive Messaging offers partition-level concurrency ({@code concurrency}, one consumer
 * per copy) and unordered blocking ({@code @Blocking(ordered = false)}), not ordering per key; Confluent's parallel
 * consumer orders per key but replaces the connector (its dead-letter queue, health and commit tracking). This class
 * is the small piece between: the connector keeps polling, committing and dead-lettering.
 */
public final class KeyOrderedConsumer implements Flow.Subscriber<Message<String>> {

    /** What to do with one record, on a worker thread: its value and Kafka metadata ({@code null} off Kafka). */
    @FunctionalInterface
    public interface Handler {
        void handle(String value, IncomingKafkaRecordMetadata<?, ?> metadata) throws Exception;
    }

    /** What to do with one record without blocking: done when the returned stage completes. */
    @FunctionalInterface
    public interface AsyncHandler {
        CompletionStage<Void> handle(String value, IncomingKafkaRecordMetadata<?, ?> metadata);
    }

    private static final Logger LOG = Logger.getLogger(KeyOrderedConsumer.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final String channel;
    private final AsyncHandler step;
    private final int maxInFlight;
    /** The last queued record of each key with records not yet handled; a key's next record runs after it. */
    private final Map<Object, CompletableFuture<Void>> lastOfKey = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Flow.Subscription subscription;

    /** A consumer whose handler blocks: each record is handled on one of {@code workers}' threads. */
    KeyOrderedConsumer(String channel, Handler handler, ExecutorService workers, int maxInFlight) {
        this(channel, (value, metadata) -> CompletableFuture.runAsync(() -> handle(handler, value, metadata), workers),
                maxInFlight);
    }

    /** A consumer whose handler does not block: each record's handling ends when its stage completes. */
    KeyOrderedConsumer(String channel, AsyncHandler handler, int maxInFlight) {
        this.channel = channel;
        this.step = handler;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(maxInFlight);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onNext(Message<String> message) {
        inFlight.incrementAndGet();
        IncomingKafkaRecordMetadata<?, ?> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        Object key = metadata == null || metadata.getKey() == null ? "" : metadata.getKey();
        CompletableFuture<Void> handled = lastOfKey.compute(key, (k, previous) ->
                // After the key's previous record, whether it succeeded or failed (a failure is settled on its own).
                (previous == null ? DONE : previous.exceptionally(e -> null))
                        .thenCompose(ready -> start(message.getPayload(), metadata)));
        handled.whenComplete((ok, failure) -> {
            lastOfKey.remove(key, handled);
            settle(message, metadata, failure).whenComplete((x, y) -> {
                inFlight.decrementAndGet();
                subscription.request(1);
            });
        });
    }

    /**
     * The record's handling; a handler that throws at once gives a failed stage, like one that fails later. A record
     * taken while the service stops (its workers refuse work) is left unsettled: neither acknowledged nor failed (a
     * failure would park it on the dead-letter topic), so it is read again after the restart.
     */
    private CompletableFuture<Void> start(String value, IncomingKafkaRecordMetadata<?, ?> metadata) {
        try {
            return step.handle(value, metadata).toCompletableFuture();
        } catch (RejectedExecutionException stopping) {
            LOG.debugf("The %s channel is stopping; a record is left to be read again", channel);
            return new CompletableFuture<>();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void handle(Handler handler, String value, IncomingKafkaRecordMetadata<?, ?> metadata) {
        try {
            handler.handle(value, metadata);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private CompletionStage<Void> settle(Message<String> message, IncomingKafkaRecordMetadata<?, ?> metadata,
            Throwable failure) {
        if (failure == null) {
            return message.ack();
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        // Where the record is and the exception's type, so that a parked record can be found; never its message,
        // which may quote the record.
        LOG.warnf("A record of the %s channel failed (%s) and goes to its failure strategy: %s", channel,
                metadata == null ? "not from Kafka" : metadata.getTopic() + "-" + metadata.getPartition() + " offset "
                        + metadata.getOffset(), cause.getClass().getName());
        return message.nack(cause);
    }

    @Override
    public void onError(Throwable failure) {
        // The exception's type only: its message may quote a record.
        LOG.errorf("The %s channel failed: %s", channel, failure.getClass().getName());
    }

    @Override
    public void onComplete() {
        LOG.debugf("The %s channel completed", channel);
    }

    /** Records taken from the channel and not settled yet. */
    public int inFlight() {
        return inFlight.get();
    }
}
