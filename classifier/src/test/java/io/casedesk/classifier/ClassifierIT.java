package io.casedesk.classifier;

import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.classifier.support.TestEvents;
import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TriagedMessage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The classifier against a real broker: cs.inbound.v1 in, cs.triaged.v1 and cs.inbound.v1.dlq out. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ClassifierIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    @Test
    void triagesAnInboundEventUnderADerivedIdAndTheSameKey() {
        Envelope<InboundMessage> event = TestEvents.inbound("請問律師費可以分期付款嗎？");

        publish(event);

        ConsumerRecord<String, String> record = triageOf(event).get(0);
        Envelope<TriagedMessage> triaged = EventCodec.shared().decode(record.value()).as(TriagedMessage.class);
        assertThat(record.key()).isEqualTo(event.conversationId());
        assertThat(triaged.causationId()).isEqualTo(event.eventId());
        assertThat(triaged.payload().triage().intent()).isEqualTo(Intent.BILLING);
        assertThat(triaged.payload().triage().language()).isEqualTo("zh-Hant");
    }

    @Test
    void triagesAnInboundDeliveredTwiceOnce() {
        Envelope<InboundMessage> event = TestEvents.inbound("What is the status of my case?");
        Envelope<InboundMessage> next = TestEvents.inbound(event.conversationId(), "Thanks!");

        publish(event);
        publish(event);
        publish(next);

        // Same key, same partition: once the next message is triaged, both copies have been read.
        triageOf(next);
        assertThat(triageOf(event)).hasSize(1);
    }

    @Test
    void parksAGarbageRecordOnTheDeadLetterTopicAndGoesOn() {
        Envelope<InboundMessage> next = TestEvents.inbound("你好");
        String garbage = "not an event " + UUID.randomUUID();

        kafka.send(Topics.INBOUND, next.conversationId(), garbage);
        publish(next);

        assertThat(triageOf(next)).hasSize(1);
        List<ConsumerRecord<String, String>> parked = kafka.readUntil(Topics.dlq(Topics.INBOUND),
                records -> records.stream().anyMatch(r -> garbage.equals(r.value())), TIMEOUT);
        assertThat(parked).filteredOn(r -> garbage.equals(r.value())).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo(next.conversationId()));
    }

    private static void publish(Envelope<InboundMessage> event) {
        kafka.send(Topics.INBOUND, event.conversationId(), EventCodec.shared().encode(event));
    }

    /** The triaged records of {@code event}, once there is at least one. */
    private static List<ConsumerRecord<String, String>> triageOf(Envelope<InboundMessage> event) {
        String triageId = EventIds.derive(event.eventId(), "triage");
        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.TRIAGED,
                read -> read.stream().anyMatch(r -> triageId.equals(eventId(r))), TIMEOUT);
        List<ConsumerRecord<String, String>> triaged = records.stream().filter(r -> triageId.equals(eventId(r))).toList();
        assertThat(triaged).as("triage of %s", event.eventId()).isNotEmpty();
        return triaged;
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return EventCodec.shared().decode(record.value()).eventId();
    }
}
