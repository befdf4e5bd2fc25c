package io.casedesk.ingress.line;

import io.casedesk.infra.test.KafkaTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Reads a topic of the test broker from the test, without a consumer group. Since the webhook answers
 * only after the broker acknowledged, what a request published is readable as soon as it returned.
 */
final class TopicReader implements AutoCloseable {

    private static final Duration READ_LIMIT = Duration.ofSeconds(15);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    TopicReader(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A pending fetch would hold up the next offset lookup for the broker's whole wait (500 ms by default).
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
    }

    /** The current end of the topic: pass it to {@link #readSince} to get what was published after now. */
    Map<TopicPartition, Long> end() {
        return consumer.endOffsets(partitions);
    }

    /** Every record after {@code start}, up to the end of the topic as it is now. */
    List<ConsumerRecord<String, String>> readSince(Map<TopicPartition, Long> start) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        start.forEach(consumer::seek);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read up to the end of " + partitions);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return records;
    }

    /** Waits up to {@code timeout} for records that match; returns all matching records read by then. */
    List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> matching, int count,
            Duration timeout) throws InterruptedException {
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> found;
        do {
            found = readSince(beginning).stream().filter(matching).toList();
            if (found.size() >= count) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return found;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
