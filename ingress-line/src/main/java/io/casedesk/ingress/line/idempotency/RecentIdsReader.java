package io.casedesk.ingress.line.idempotency;

import io.casedesk.schema.Channel;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Reads back what this service published since a point in time, using the Kafka log as its idempotency store:
 * the LINE inbound events on {@code cs.inbound.v1} (and the messages unsent there) and the LINE outbound
 * events reported {@code sent} on {@code cs.delivery.v1}. No consumer group: nothing is committed.
 */
public final class RecentIdsReader {

    /** How many ids a read found. */
    public record Counts(int inboundEvents, int sentOutboundEvents, int unsentMessages, int unreadable) {
    }

    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;

    /** @param kafkaConfig the broker's client settings (bootstrap servers, security); deserializers are set here */
    public RecentIdsReader(Map<String, Object> kafkaConfig, Duration timeout) {
        this.kafkaConfig = kafkaConfig;
        this.timeout = timeout;
    }

    /** Remembers in {@code ids} every matching id of records written at or after {@code since}, up to the current end. */
    public Counts readInto(ProcessedIds ids, Instant since) throws TimeoutException {
        int[] counts = new int[4];
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingress-line-warmup");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            read(consumer, Topics.INBOUND, since, deadline, counts, envelope -> {
                if (envelope.payload() instanceof InboundMessage message && message.channel() == Channel.LINE) {
                    ids.inboundEvents().remember(envelope.eventId());
                    counts[0]++;
                    if (message.kind() == MessageKind.UNSEND && message.line() != null
                            && message.line().messageId() != null) {
                        ids.unsentMessages().remember(message.line().messageId());
                        counts[2]++;
                    }
                }
            });
            read(consumer, Topics.DELIVERY, since, deadline, counts, envelope -> {
                if (envelope.payload() instanceof DeliveryReport report && report.channel() == Channel.LINE
                        && report.status() == DeliveryStatus.SENT && report.outboundEventId() != null) {
                    ids.sentOutboundEvents().remember(report.outboundEventId());
                    counts[1]++;
                }
            });
        }
        return new Counts(counts[0], counts[1], counts[2], counts[3]);
    }

    private static void read(KafkaConsumer<String, String> consumer, String topic, Instant since, long deadline,
            int[] counts, Consumer<Envelope<EventPayload>> each) throws TimeoutException {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, remaining(deadline)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        Map<TopicPartition, Long> sinceQuery = new HashMap<>();
        partitions.forEach(partition -> sinceQuery.put(partition, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(sinceQuery, remaining(deadline));
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, remaining(deadline));
        // A partition with nothing written since then has no start offset: there is nothing to read in it.
        List<TopicPartition> toRead = partitions.stream().filter(partition -> starts.get(partition) != null).toList();
        consumer.assign(toRead);
        toRead.forEach(partition -> consumer.seek(partition, starts.get(partition).offset()));
        while (toRead.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Could not read " + topic + " up to its end in time");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                try {
                    each.accept(EventCodec.shared().decode(record.value()));
                } catch (RuntimeException unreadable) {
                    // Poison records are the consumers' business (dead-letter topics); here they hold no id.
                    counts[3]++;
                }
            }
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
