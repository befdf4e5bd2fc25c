package io.casedesk.handoff.messaging;

import io.casedesk.handoff.support.InMemoryChannels;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(InMemoryChannels.class)
class HandoffConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySource<Message<String>> handoffs;
    private InMemorySink<String> conversation;

    @BeforeEach
    void channels() {
        handoffs = connector.source("handoff");
        conversation = connector.sink("conversation");
        conversation.clear();
    }

    @Test
    void listsTheHandoffForAgentsAndRecordsAHandoffTurn() {
        Envelope<HandoffRequest> request = TestEvents.handoff();

        send(request);

        Message<String> record = awaitTurnOf(request);
        Envelope<ConversationTurn> turn = EventCodec.shared().decode(record.getPayload()).as(ConversationTurn.class);
        assertThat(turn.causationId()).isEqualTo(request.eventId());
        assertThat(turn.payload().kind()).isEqualTo(TurnKind.HANDOFF);
        assertThat(turn.payload().actor()).isEqualTo("system");
        assertThat(turn.payload().detail()).isEqualTo("needs_human");
        assertThat(turn.payload().channel()).isEqualTo(Channel.LINE);
        assertThat(turn.payload().identity()).isEqualTo("Ucustomer");
        assertThat(record.getMetadata(OutgoingKafkaRecordMetadata.class))
                .hasValueSatisfying(metadata -> assertThat(metadata.getKey()).isEqualTo(request.conversationId()));

        given().when().get("/api/v1/handoffs")
                .then().statusCode(200)
                .body("[0].eventId", equalTo(request.eventId()))
                .body("[0].conversationId", equalTo(request.conversationId()))
                .body("[0].reason", equalTo("needs_human"))
                .body("[0].intent", equalTo("complaint"))
                .body("[0].customerRef", equalTo("C-001"))
                .body("[0].text", equalTo(TestEvents.CUSTOMER_TEXT))
                .body("[0].occurredAt", equalTo(request.occurredAt().toString()));
    }

    @Test
    void takesARedeliveredHandoffOnce() {
        Envelope<HandoffRequest> request = TestEvents.handoff();
        Envelope<HandoffRequest> next = TestEvents.handoff(request.conversationId());

        send(request);
        send(request);
        send(next);

        awaitTurnOf(next);
        assertThat(turnIds()).containsOnlyOnce(EventIds.derive(request.eventId(), "handoff-turn"));
        List<String> listed = given().when().get("/api/v1/handoffs").then().extract().jsonPath().getList("eventId");
        assertThat(listed).containsOnlyOnce(request.eventId());
    }

    @Test
    void rejectsARecordThatIsNotAHandoffAndGoesOn() {
        List<Throwable> rejections = new CopyOnWriteArrayList<>();
        Envelope<HandoffRequest> next = TestEvents.handoff();

        handoffs.send(Message.of("{\"not\":\"an event\"}").withNack(reason -> {
            rejections.add(reason);
            return CompletableFuture.completedFuture(null);
        }));
        send(next);

        awaitTurnOf(next);
        assertThat(rejections).singleElement()
                .satisfies(reason -> assertThat(reason).hasMessage("Envelope field 'eventId' is missing"));
    }

    @Test
    void reportsHealthAndMetrics() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("casedesk_handoff_dead_lettered_total"));
    }

    private void send(Envelope<HandoffRequest> request) {
        handoffs.send(Message.of(EventCodec.shared().encode(request)));
    }

    private Message<String> awaitTurnOf(Envelope<HandoffRequest> request) {
        String turnId = EventIds.derive(request.eventId(), "handoff-turn");
        await().atMost(Duration.ofSeconds(10)).until(() -> turnIds().contains(turnId));
        return conversation.received().stream()
                .filter(m -> EventCodec.shared().decode(m.getPayload()).eventId().equals(turnId))
                .findFirst().orElseThrow();
    }

    private List<String> turnIds() {
        return conversation.received().stream().map(m -> EventCodec.shared().decode(m.getPayload()).eventId()).toList();
    }
}
