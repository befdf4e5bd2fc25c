package io.casedesk.handoff;

import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Handoff against a real broker: cs.handoff.v1 in, the inbox, cs.conversation.v1 and cs.handoff.v1.dlq out. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class HandoffIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void listsAHandoffFromTheBrokerAndRecordsItsTurn() {
        Envelope<HandoffRequest> request = TestEvents.handoff();

        publish(request);

        ConsumerRecord<String, String> record = turnOf(request);
        Envelope<ConversationTurn> turn = EventCodec.shared().decode(record.value()).as(ConversationTurn.class);
        assertThat(record.key()).isEqualTo(request.conversationId());
        assertThat(turn.payload().kind()).isEqualTo(TurnKind.HANDOFF);
        assertThat(turn.payload().detail()).isEqualTo("needs_human");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(listedIds()).contains(request.eventId()));
    }

    @Test
    void parksAGarbageRecordOnTheDeadLetterTopicAndGoesOn() {
        Envelope<HandoffRequest> next = TestEvents.handoff();
        String garbage = "not an event " + UUID.randomUUID();

        kafka.send(Topics.HANDOFF, next.conversationId(), garbage);
        publish(next);

        turnOf(next);
        List<ConsumerRecord<String, String>> parked = kafka.readUntil(Topics.dlq(Topics.HANDOFF),
                records -> records.stream().anyMatch(r -> garbage.equals(r.value())), TIMEOUT);
        assertThat(parked).filteredOn(r -> garbage.equals(r.value())).hasSize(1);
    }

    private static void publish(Envelope<HandoffRequest> request) {
        kafka.send(Topics.HANDOFF, request.conversationId(), EventCodec.shared().encode(request));
    }

    private static ConsumerRecord<String, String> turnOf(Envelope<HandoffRequest> request) {
        String turnId = EventIds.derive(request.eventId(), "handoff-turn");
        List<ConsumerRecord<String, String>> records = kafka.readUntil(Topics.CONVERSATION,
                read -> read.stream().anyMatch(r -> turnId.equals(eventId(r))), TIMEOUT);
        return records.stream().filter(r -> turnId.equals(eventId(r))).findFirst()
                .orElseThrow(() -> new AssertionError("No handoff turn for " + request.eventId()));
    }

    private static List<String> listedIds() {
        return given().when().get("/api/v1/handoffs").then().statusCode(200).extract().jsonPath().getList("eventId");
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return EventCodec.shared().decode(record.value()).eventId();
    }
}
