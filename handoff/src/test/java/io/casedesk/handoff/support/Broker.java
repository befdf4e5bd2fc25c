package io.casedesk.handoff.support;

import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The test's side of the real broker: publishes events and waits for the service's. */
public final class Broker implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTestClient kafka = new KafkaTestClient();

    public void publish(String topic, Envelope<?> envelope) {
        kafka.send(topic, envelope.conversationId(), EventCodec.shared().encode(envelope));
    }

    public void sendRaw(String topic, String key, String value) {
        kafka.send(topic, key, value);
    }

    /** The records of {@code topic} keyed {@code key}, once {@code done} holds for them (or the time is up). */
    public List<Envelope<EventPayload>> events(String topic, String key, Predicate<List<Envelope<EventPayload>>> done) {
        List<ConsumerRecord<String, String>> records = kafka.readUntil(topic,
                read -> done.test(decodeKeyed(read, key)), TIMEOUT);
        return decodeKeyed(records, key);
    }

    /** Waits until {@code topic} holds an event keyed {@code key} that matches {@code match}. */
    public <P extends EventPayload> Envelope<P> await(String topic, String key, Class<P> type, Predicate<P> match) {
        List<Envelope<EventPayload>> events = events(topic, key,
                read -> read.stream().anyMatch(e -> type.isInstance(e.payload()) && match.test(type.cast(e.payload()))));
        return events.stream().filter(e -> type.isInstance(e.payload()) && match.test(type.cast(e.payload())))
                .findFirst().map(e -> e.as(type))
                .orElseThrow(() -> new AssertionError("No matching " + type.getSimpleName() + " on " + topic));
    }

    /** Waits until {@code topic} holds an event keyed {@code key} that matches {@code match}, envelope and all. */
    public Envelope<EventPayload> awaitEvent(String topic, String key, Predicate<Envelope<EventPayload>> match) {
        return events(topic, key, read -> read.stream().anyMatch(match)).stream().filter(match).findFirst()
                .orElseThrow(() -> new AssertionError("No matching event on " + topic));
    }

    /** What {@code topic} holds for {@code key} now (read for a few seconds, to let late records in). */
    public List<Envelope<EventPayload>> snapshot(String topic, String key) {
        return decodeKeyed(kafka.readUntil(topic, read -> false, Duration.ofSeconds(3)), key);
    }

    public List<ConsumerRecord<String, String>> raw(String topic, Predicate<List<ConsumerRecord<String, String>>> done) {
        return kafka.readUntil(topic, done, TIMEOUT);
    }

    private static List<Envelope<EventPayload>> decodeKeyed(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(r -> EventCodec.shared().decode(r.value())).toList();
    }

    @Override
    public void close() {
        kafka.close();
    }
}
