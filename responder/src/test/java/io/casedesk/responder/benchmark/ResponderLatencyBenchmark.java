package io.casedesk.responder.benchmark;

import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.responder.it.CaseServiceProcess;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.LineSource;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Topics;
import io.casedesk.schema.Triage;
import io.casedesk.schema.TriagedMessage;
import io.casedesk.schema.Urgency;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The responder's own added latency at 200 messages per second, with the local engine (no model time to leave out):
 * triaged messages of the demo firm's LINE customers go onto the real broker on a fixed schedule (open loop), the
 * responder resolves each writer and their cases at the real case-service, writes and grounding-checks the answer and
 * publishes it. Two figures are printed: broker to broker (the triaged record's scheduled time to the answer record's
 * time, so Kafka's delivery is included) and the responder's own time per message ({@code casedesk.responder.latency},
 * which leaves out a model's time when the openai engine runs).
 * <p>
 * Not part of the normal build; run it with
 * {@code ./mvnw -B -o verify -pl responder -Dbenchmark -Dit.test=ResponderLatencyBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(CaseServiceProcess.class)
@EnabledIfSystemProperty(named = "benchmark", matches = ".*")
class ResponderLatencyBenchmark {

    private static final int RATE_PER_SECOND = 200;
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration MEASURED = Duration.ofSeconds(30);
    private static final String BOT = "Ubot0000000000000000000000bench";
    /** The demo firm's customers who write on LINE. */
    private static final List<String> CUSTOMERS = List.of("Uf0d4b5d7bf148e3c5849974bb722897c",
            "Ub720e6435c58f2af9f3a979c288df69f", "Ud00b7cb4712c0c8fa9491be21ac157df", "U1ea8a2024d7a218eea8a1fc9501b540b",
            "Ue8e766a25a8653cd0353b943fa3605d9", "U75ef7989704c3dcbf7ac45dfe96dc8f6", "Uafd8449161351fd5bcb334b60d363ebb",
            "Uac92975eed094cd3d6ce97047d5c8a0d", "U570ab99c2b43a17d0e7a0821044ef078", "Uc669a108e121942c56b5b3600a08595f",
            "U365317843213535464245bb1841401fb");
    private static final List<Question> QUESTIONS = List.of(
            new Question("請問我的案件目前進度如何？", Intent.CASE_STATUS, "zh-Hant"),
            new Question("我還有多少費用要繳？", Intent.BILLING, "zh-Hant"),
            new Question("When is my next hearing?", Intent.APPOINTMENT, "en"),
            new Question("請問你們的服務時間？", Intent.GENERAL_INFO, "zh-Hant"),
            new Question("How do I send you documents?", Intent.DOCUMENTS, "en"),
            new Question("謝謝！", Intent.GREETING, "zh-Hant"));

    @Inject
    MeterRegistry registry;
    private CountAtBucket[] ownTimeBefore;

    private record Question(String text, Intent intent, String language) {
    }

    @Test
    void printsTheAddedLatencyAt200MessagesPerSecond() throws Exception {
        Map<String, Long> scheduledAt = new ConcurrentHashMap<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> readAnswers(answeredAt, reading), "answers");
        reader.start();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "0"))) {
            Thread.sleep(2000); // the reader is assigned before the first answer
            System.out.printf("Warming up for %ds at %d msg/s ...%n", WARM_UP.toSeconds(), RATE_PER_SECOND);
            run(producer, WARM_UP, "warm", new ConcurrentHashMap<>());
            System.out.printf("Measuring for %ds at %d msg/s ...%n", MEASURED.toSeconds(), RATE_PER_SECOND);
            ownTimeBefore = registry.get("casedesk.responder.latency").timer().takeSnapshot().histogramCounts();
            run(producer, MEASURED, "m", scheduledAt);
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (!answeredAt.keySet().containsAll(scheduledAt.keySet()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        reading.set(false);
        reader.join();

        long[] latencies = scheduledAt.entrySet().stream().filter(e -> answeredAt.containsKey(e.getKey()))
                .mapToLong(e -> answeredAt.get(e.getKey()) - e.getValue()).sorted().toArray();
        System.out.printf("%nResponder at %d msg/s, local engine, %d messages measured, %d answered%n",
                RATE_PER_SECOND, scheduledAt.size(), latencies.length);
        System.out.printf("  broker to broker (ms):     p50 %d   p95 %d   p99 %d   max %d%n",
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), latencies[latencies.length - 1]);
        // The measured phase's share of the timer's histogram (cumulative since start), read as Prometheus'
        // histogram_quantile reads it: interpolated within the bucket that holds the quantile.
        CountAtBucket[] ownTime = registry.get("casedesk.responder.latency").timer().takeSnapshot().histogramCounts();
        System.out.printf("  responder's own time (ms): p50 %s   p95 %s   p99 %s   (from the histogram's buckets)%n",
                bucketQuantile(ownTimeBefore, ownTime, 0.50), bucketQuantile(ownTimeBefore, ownTime, 0.95),
                bucketQuantile(ownTimeBefore, ownTime, 0.99));
        assertThat(latencies.length).isEqualTo(scheduledAt.size());
    }

    /** The q-quantile in ms of what was recorded between two cumulative histogram readings, as histogram_quantile. */
    static String bucketQuantile(CountAtBucket[] before, CountAtBucket[] after, double q) {
        double total = after[after.length - 1].count() - before[before.length - 1].count();
        if (total <= 0) {
            return "n/a";
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (int i = 0; i < after.length; i++) {
            double count = after[i].count() - before[i].count();
            double bound = after[i].bucket(TimeUnit.MILLISECONDS);
            if (count >= rank) {
                double share = count == lowerCount ? 1 : (rank - lowerCount) / (count - lowerCount);
                return String.format("%.1f", lowerBound + (bound - lowerBound) * share);
            }
            lowerBound = bound;
            lowerCount = count;
        }
        return String.format("> %.1f", lowerBound);
    }

    /** Sends on a fixed schedule; each record carries its scheduled time, so a stall counts against the responder. */
    private static void run(KafkaProducer<String, String> producer, Duration duration, String prefix, Map<String, Long> scheduledAt) {
        long intervalNanos = 1_000_000_000L / RATE_PER_SECOND;
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        int count = (int) (duration.toSeconds() * RATE_PER_SECOND);
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            LockSupport.parkNanos(due - System.nanoTime());
            long scheduledMillis = startMillis + (due - start) / 1_000_000;
            Envelope<TriagedMessage> triaged = triaged(prefix + "-" + i, CUSTOMERS.get(i % CUSTOMERS.size()),
                    QUESTIONS.get(i % QUESTIONS.size()));
            scheduledAt.put(EventIds.derive(triaged.eventId(), "answer"), scheduledMillis);
            producer.send(new ProducerRecord<>(Topics.TRIAGED, null, scheduledMillis, triaged.conversationId(),
                    EventCodec.shared().encode(triaged)));
        }
        producer.flush();
    }

    private static void readAnswers(Map<String, Long> answeredAt, AtomicBoolean reading) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.OUTBOUND_LINE).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (reading.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    answeredAt.put(EventCodec.shared().decode(record.value()).eventId(), record.timestamp());
                }
            }
        }
    }

    private static Envelope<TriagedMessage> triaged(String id, String userId, Question question) {
        String webhookEventId = "01BENCH" + id;
        Instant now = Instant.now();
        InboundMessage inbound = new InboundMessage(Channel.LINE, MessageKind.TEXT, userId, null, null, question.text(),
                List.of(), now, new LineSource(BOT, "user", userId, null, null, webhookEventId, "m-" + id, "token-" + id,
                now, false, false, false), null);
        Envelope<InboundMessage> envelope = Envelope.of(EventIds.lineInbound(webhookEventId), now,
                ConversationIds.line(BOT, userId), null, null, inbound);
        Triage triage = new Triage(question.intent(), Emotion.NEUTRAL, Urgency.LOW, false, question.language(),
                Map.of("intent", 0.9), "bench", List.of());
        return envelope.follow("triage", now, new TriagedMessage(inbound, triage));
    }

    private static long percentile(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }
}
