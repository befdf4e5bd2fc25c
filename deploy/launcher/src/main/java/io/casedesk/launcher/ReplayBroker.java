package io.casedesk.launcher;

import io.casedesk.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The broker as the replay tool sees it: topics, offsets, reading a range of a topic, a producer. */
final class ReplayBroker implements AutoCloseable {

    /** Reading gives up when the broker hands out nothing new for this long although records remain. */
    private static final Duration STALL = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Admin admin;

    private ReplayBroker(String bootstrapServers, Admin admin) {
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
    }

    /** Connects, or fails with a message that says where it looked. */
    static ReplayBroker connect(String bootstrapServers) {
        if (nothingListensLocally(bootstrapServers)) {
            throw noBroker(bootstrapServers);
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        Admin admin = Admin.create(properties);
        try {
            admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            admin.close(Duration.ofSeconds(2));
            throw noBroker(bootstrapServers);
        }
        return new ReplayBroker(bootstrapServers, admin);
    }

    private static IllegalStateException noBroker(String bootstrapServers) {
        return new IllegalStateException("No Kafka broker answers at " + bootstrapServers
                + ": is CaseDesk up (./casedesk status)? Or name the broker with --bootstrap-servers <host:port>");
    }

    /** A single broker on this machine that does not accept connections: known at once, without the client's retries. */
    private static boolean nothingListensLocally(String bootstrapServers) {
        String[] hostPort = bootstrapServers.trim().split(":");
        if (bootstrapServers.contains(",") || hostPort.length != 2
                || !(hostPort[0].equals("127.0.0.1") || hostPort[0].equals("localhost"))) {
            return false;
        }
        try {
            return !io.casedesk.infra.FreePorts.isListening(Integer.parseInt(hostPort[1]));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Set<String> topics() {
        try {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list the topics on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    void requireTopic(String topic) {
        if (!topics().contains(topic)) {
            throw new IllegalArgumentException("Topic '" + topic + "' does not exist on the broker at " + bootstrapServers
                    + " (nothing was ever published to it)");
        }
    }

    /** Creates {@code name} like {@code layout} (partitions, compaction) unless it exists. */
    void createIfMissing(String name, Topics.TopicSpec layout) {
        if (topics().contains(name)) {
            return;
        }
        NewTopic topic = new NewTopic(name, layout.partitions(), (short) 1).configs(layout.compacted()
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT) : Map.of());
        try {
            admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + name + ": " + e.getMessage(), e);
        }
    }

    static Topics.TopicSpec layout(String topic) {
        return Topics.ALL.stream().filter(t -> t.name().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown topic '" + topic + "'"));
    }

    /** The next offset of every partition of {@code topic}: where a reader that starts now stops. */
    Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            return consumer.endOffsets(partitions(consumer, topic));
        }
    }

    /** The offsets {@code group} committed on {@code topic}; partitions without a commit are absent. */
    Map<TopicPartition, Long> committed(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, Long> result = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null && partition.topic().equals(topic)) {
                    result.put(partition, offset.offset());
                }
            });
            return result;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /**
     * Reads {@code topic} from {@code start} (per partition; absent partitions from the first record at or after
     * {@code from}, or from the beginning) up to {@code end} (exclusive; absent: the end when reading starts).
     *
     * @return how many records were read
     */
    long read(String topic, Instant from, Map<TopicPartition, Long> start, Map<TopicPartition, Long> end,
              Consumer<ConsumerRecord<String, byte[]>> sink, ProgressBar progress) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> stopAt = new HashMap<>(consumer.endOffsets(partitions));
            if (end != null) {
                stopAt.putAll(end);
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> startAt = new HashMap<>(beginning);
            if (from != null) {
                Map<TopicPartition, OffsetAndTimestamp> byTime = consumer.offsetsForTimes(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> from.toEpochMilli())));
                byTime.forEach((partition, found) -> startAt.put(partition, found == null ? stopAt.get(partition) : found.offset()));
            }
            if (start != null) {
                start.forEach((partition, offset) -> startAt.put(partition, Math.max(offset, beginning.get(partition))));
            }
            long toRead = 0;
            for (TopicPartition partition : partitions) {
                long first = Math.min(startAt.get(partition), stopAt.get(partition));
                consumer.seek(partition, first);
                toRead += stopAt.get(partition) - first;
            }
            if (progress != null) {
                progress.total(toRead);
            }
            long read = 0;
            long lastProgress = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < stopAt.get(p))) {
                var records = consumer.poll(Duration.ofMillis(250));
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < stopAt.get(partition)) {
                        sink.accept(record);
                        read++;
                    }
                }
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new IllegalStateException("Reading " + topic + " stalled: no records for " + STALL.toSeconds() + " s");
                }
                if (progress != null) {
                    long position = partitions.stream().mapToLong(p -> consumer.position(p) - Math.min(startAt.get(p), stopAt.get(p))).sum();
                    progress.set(Math.min(position, toRead));
                }
            }
            return read;
        }
    }

    KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(properties);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        // Skips records of aborted transactions, as the services' consumers do.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("Topic '" + topic + "' does not exist on the broker");
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
