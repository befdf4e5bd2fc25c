package io.casedesk.ingress.line.idempotency;

import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.LineSource;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Topics;
import io.casedesk.ingress.line.LineSimulatorTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up's read of the Kafka log against the real broker: what a previous instance published is known to
 * a fresh {@link ProcessedIds}, as it would be after a restart; what is older than the window is not.
 * A Quarkus test only to share the test broker (and the one boot) with the other ITs of this module.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(LineSimulatorTestResource.class)
class RecentIdsReaderIT {

    private static final String DESTINATION = "Ucafe0000000000000000000000000000";

    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    private final RecentIdsReader reader = new RecentIdsReader(
            Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers()), Duration.ofSeconds(30));

    @Test
    void idsPublishedBeforeARestartAreKnownAfterIt() throws Exception {
        String text = lineInbound(MessageKind.TEXT, null);
        String unsendEvent = lineInbound(MessageKind.UNSEND, "5000000000001");
        String email = publishWithId(Topics.INBOUND, UUID.randomUUID().toString(), "email:desk@example.com:a@example.com",
                new InboundMessage(Channel.EMAIL, MessageKind.TEXT, "a@example.com",
                null, null, "hi", List.of(), Instant.now(), null, null));
        String sentOutbound = deliveryReport(DeliveryStatus.SENT);
        String failedOutbound = deliveryReport(DeliveryStatus.FAILED);
        kafka.send(Topics.DELIVERY, "line:x:y", "not an envelope");

        ProcessedIds restarted = new ProcessedIds(1000);
        RecentIdsReader.Counts counts = reader.readInto(restarted, Instant.now().minus(Duration.ofHours(24)));

        assertThat(restarted.inboundEvents().contains(text)).isTrue();
        assertThat(restarted.inboundEvents().contains(unsendEvent)).isTrue();
        assertThat(restarted.unsentMessages().contains("5000000000001")).isTrue();
        assertThat(restarted.inboundEvents().contains(email)).as("email is another service's").isFalse();
        assertThat(restarted.sentOutboundEvents().contains(sentOutbound)).isTrue();
        assertThat(restarted.sentOutboundEvents().contains(failedOutbound)).as("a failed send may be tried again").isFalse();
        assertThat(counts.unreadable()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void recordsWrittenBeforeTheWindowAreNotRead() throws Exception {
        String before = lineInbound(MessageKind.TEXT, null);
        Thread.sleep(50);
        Instant windowStart = Instant.now();
        Thread.sleep(50);
        String within = lineInbound(MessageKind.TEXT, null);

        ProcessedIds restarted = new ProcessedIds(1000);
        reader.readInto(restarted, windowStart);

        assertThat(restarted.inboundEvents().contains(within)).isTrue();
        assertThat(restarted.inboundEvents().contains(before)).isFalse();
    }

    private static String lineInbound(MessageKind kind, String messageId) {
        String webhookEventId = UUID.randomUUID().toString();
        String userId = "U" + UUID.randomUUID().toString().replace("-", "");
        return publishWithId(Topics.INBOUND, EventIds.lineInbound(webhookEventId), ConversationIds.line(DESTINATION, userId),
                new InboundMessage(Channel.LINE, kind, userId, null, null, null, List.of(), Instant.now(),
                        new LineSource(DESTINATION, "user", userId, null, null, webhookEventId, messageId, null, null,
                                false, false, false), null));
    }

    private static String deliveryReport(DeliveryStatus status) {
        String outboundEventId = UUID.randomUUID().toString();
        publish(Topics.DELIVERY, new DeliveryReport(Channel.LINE, outboundEventId, status, "push", null));
        return outboundEventId;
    }

    private static String publish(String topic, EventPayload payload) {
        return publishWithId(topic, UUID.randomUUID().toString(), "line:" + DESTINATION + ":U1", payload);
    }

    private static String publishWithId(String topic, String eventId, String conversationId, EventPayload payload) {
        Envelope<EventPayload> envelope = Envelope.of(eventId, Instant.now(), conversationId, null, null, payload);
        kafka.send(topic, conversationId, EventCodec.shared().encode(envelope));
        return eventId;
    }
}
