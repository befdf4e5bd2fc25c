package io.casedesk.launcher;

import io.casedesk.infra.FreePorts;
import io.casedesk.infra.test.SharedInfrastructure;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The test JVM's real broker (or {@code KAFKA_BOOTSTRAP_SERVERS}), records put on it as the services would, and
 * the replay command run against it with its output captured.
 */
final class ReplayBrokerFixture implements AutoCloseable {

    final String bootstrapServers;
    final StackSettings settings;
    private final KafkaProducer<String, String> producer;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    ReplayBrokerFixture(String home) {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        bootstrapServers = external != null && !external.isBlank() ? external : SharedInfrastructure.kafka().bootstrapServers();
        Path repository = Path.of(System.getProperty("casedesk.repository", "../..")).toAbsolutePath().normalize();
        settings = new StackSettings(repository, repository.resolve("deploy/launcher/target/" + home), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), false, null,
                StackSettings.LOOPBACK);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    /** Publishes as a service would: keyed by conversation, stamped with the event's time. */
    void publish(String topic, Envelope<? extends EventPayload> envelope, Header... headers) {
        publish(topic, envelope.conversationId(), envelope.occurredAt(), EventCodec.shared().encode(envelope), headers);
    }

    void publish(String topic, String key, Instant at, String value, Header... headers) {
        try {
            producer.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), key, value, List.of(headers))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    /** Runs {@code ./casedesk replay} with these arguments against the test broker; progress in plain lines. */
    int replay(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", bootstrapServers));
        ReplayCommand.quietKafkaClients();
        return new ReplayCommand(settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, Duration.ZERO).run(ReplayOptions.parse(all));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Every record of {@code topic} whose key is one of {@code keys}. */
    List<ConsumerRecord<String, String>> records(String topic, String... keys) {
        List<String> wanted = List.of(keys);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (wanted.contains(r.key())) {
                        records.add(r);
                    }
                });
            }
        }
        return records;
    }

    static Envelope<EventPayload> envelope(ConsumerRecord<String, String> record) {
        return EventCodec.shared().decode(record.value());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
