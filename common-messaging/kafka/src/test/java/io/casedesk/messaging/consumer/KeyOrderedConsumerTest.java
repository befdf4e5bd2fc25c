package io.casedesk.messaging.consumer;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class KeyOrderedConsumerTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void eachKeysRecordsAreHandledInOffsetOrderWhileKeysRunInParallel() throws Exception {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Map<String, AtomicInteger> runningPerKey = new ConcurrentHashMap<>();
        KeyOrderedConsumer consumer = new KeyOrderedConsumer("test", (value, metadata) -> {
            String key = (String) metadata.getKey();
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            assertThat(runningPerKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet())
                    .as("one record of a key at a time").isEqualTo(1);
            Thread.sleep(2);
            seen.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(Integer.parseInt(value));
            runningPerKey.get(key).decrementAndGet();
            running.decrementAndGet();
        }, workers, 32);
        TestSource source = new TestSource(consumer);
        List<Tracked> messages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            messages.add(source.offer("conversation-" + (i % 10), String.valueOf(i)));
        }

        for (Tracked message : messages) {
            message.acked.get(20, TimeUnit.SECONDS);
        }

        assertThat(seen).hasSize(10);
        seen.forEach((key, values) -> assertThat(values).as(key).isSorted().hasSize(20));
        assertThat(mostAtOnce.get()).as("conversations handled at the same time").isGreaterThan(1);
        assertThat(consumer.inFlight()).isZero();
    }

    @Test
    void takesNoMoreThanItsLimitFromTheChannelUntilRecordsAreSettled() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        KeyOrderedConsumer consumer = new KeyOrderedConsumer("test", (value, metadata) -> release.await(), workers, 5);
        TestSource source = new TestSource(consumer);

        assertThat(source.requested.get()).isEqualTo(5);
        List<Tracked> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(source.offer("k" + i, "x"));
        }
        Thread.sleep(100);
        assertThat(source.requested.get()).as("nothing more while five are in flight").isEqualTo(5);

        release.countDown();
        for (Tracked message : messages) {
            message.acked.get(10, TimeUnit.SECONDS);
        }
        awaitRequested(source, 10);
    }

    @Test
    void aRecordWhoseHandlingFailsIsNackedWithTheCauseAndTheKeysNextRecordStillRuns() throws Exception {
        IllegalStateException boom = new IllegalStateException("not an event");
        KeyOrderedConsumer consumer = new KeyOrderedConsumer("test", (value, metadata) -> {
            if (value.equals("poison")) {
                throw boom;
            }
        }, workers, 8);
        TestSource source = new TestSource(consumer);

        Tracked poison = source.offer("same", "poison");
        Tracked next = source.offer("same", "fine");

        assertThat(poison.nacked.get(10, TimeUnit.SECONDS)).isSameAs(boom);
        next.acked.get(10, TimeUnit.SECONDS);
        assertThat(poison.acked).isNotDone();
    }

    @Test
    void aRecordTakenWhileTheWorkersStopIsNeitherAcknowledgedNorDeadLettered() throws Exception {
        ExecutorService stopped = Executors.newFixedThreadPool(1);
        stopped.shutdown();
        TestSource source = new TestSource(new KeyOrderedConsumer("test", (value, metadata) -> { }, stopped, 8));

        Tracked taken = source.offer("a", "late");

        // Unsettled: its offset is not committed, so the record is read again after the restart.
        Thread.sleep(200);
        assertThat(taken.acked).isNotDone();
        assertThat(taken.nacked).isNotDone();
    }

    @Test
    void anAsynchronousHandlersRecordsOfOneKeyWaitForTheStageOfThePreviousOne() throws Exception {
        List<CompletableFuture<Void>> stages = Collections.synchronizedList(new ArrayList<>());
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        KeyOrderedConsumer consumer = new KeyOrderedConsumer("test", (value, metadata) -> {
            started.add(value);
            CompletableFuture<Void> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        }, 8);
        TestSource source = new TestSource(consumer);

        Tracked first = source.offer("a", "a1");
        Tracked second = source.offer("a", "a2");
        Tracked other = source.offer("b", "b1");

        assertThat(started).containsExactly("a1", "b1");
        stages.get(0).complete(null);
        first.acked.get(5, TimeUnit.SECONDS);
        assertThat(started).containsExactly("a1", "b1", "a2");
        stages.get(1).complete(null);
        stages.get(2).complete(null);
        second.acked.get(5, TimeUnit.SECONDS);
        other.acked.get(5, TimeUnit.SECONDS);
    }

    private static void awaitRequested(TestSource source, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (source.requested.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(source.requested.get()).isEqualTo(expected);
    }

    /** A message and what happened to it. */
    private record Tracked(CompletableFuture<Void> acked, CompletableFuture<Throwable> nacked) {
    }

    /** Plays the connector: hands records to the subscriber and counts what it requested. */
    private static final class TestSource {
        final AtomicLong requested = new AtomicLong();
        private final KeyOrderedConsumer consumer;
        private long offset;

        TestSource(KeyOrderedConsumer consumer) {
            this.consumer = consumer;
            consumer.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    requested.addAndGet(n);
                }

                @Override
                public void cancel() {
                }
            });
        }

        Tracked offer(String key, String value) {
            Tracked tracked = new Tracked(new CompletableFuture<>(), new CompletableFuture<>());
            ConsumerRecord<String, String> record = new ConsumerRecord<>("topic", 0, offset++, key, value);
            Message<String> message = Message.of(value, Metadata.of(new IncomingKafkaRecordMetadata<>(record, "test")))
                    .withAck(() -> {
                        tracked.acked().complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        tracked.nacked().complete(failure);
                        return CompletableFuture.completedFuture(null);
                    });
            consumer.onNext(message);
            return tracked;
        }
    }
}
