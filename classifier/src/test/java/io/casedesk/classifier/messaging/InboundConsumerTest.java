package io.casedesk.classifier.messaging;

import io.casedesk.classifier.support.InMemoryChannels;
import io.casedesk.classifier.support.TestEvents;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TriagedMessage;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@WithTestResource(InMemoryChannels.class)
class InboundConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySource<Message<String>> inbound;
    private InMemorySink<String> triaged;

    @BeforeEach
    void channels() {
        inbound = connector.source("inbound");
        triaged = connector.sink("triaged");
        triaged.clear();
    }

    @Test
    void publishesTheTriageUnderADerivedIdAndTheConversationKey() {
        Envelope<InboundMessage> event = TestEvents.inbound("我想了解目前離婚訴訟案件的進展");

        inbound.send(Message.of(EventCodec.shared().encode(event)));

        Message<String> record = awaitTriageOf(event);
        Envelope<TriagedMessage> result = EventCodec.shared().decode(record.getPayload()).as(TriagedMessage.class);
        assertThat(result.causationId()).isEqualTo(event.eventId());
        assertThat(result.conversationId()).isEqualTo(event.conversationId());
        assertThat(result.payload().inbound()).isEqualTo(event.payload());
        assertThat(result.payload().triage().intent()).isEqualTo(Intent.CASE_STATUS);
        assertThat(record.getMetadata(OutgoingKafkaRecordMetadata.class))
                .hasValueSatisfying(metadata -> assertThat(metadata.getKey()).isEqualTo(event.conversationId()));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("casedesk_classifier_triaged_total{engine=\"local\",intent=\"case_status\"}"));
    }

    @Test
    void theTriageKeepsTheTraceAndItsRecordCarriesAChildOfIt() {
        Envelope<InboundMessage> untraced = TestEvents.inbound("請問律師費可以分期嗎");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Envelope<InboundMessage> event = Envelope.of(untraced.eventId(), untraced.occurredAt(),
                untraced.conversationId(), null, traceparent, untraced.payload());

        inbound.send(Message.of(EventCodec.shared().encode(event)));

        Message<String> record = awaitTriageOf(event);
        // The triage carries the context of its handling, a span of the same trace.
        assertThat(TraceContext.traceIdOf(EventCodec.shared().decode(record.getPayload()).traceparent()))
                .contains("4bf92f3577b34da6a3ce929d0e0e4736");
        TraceContext header = TraceContext.parse(new String(record.getMetadata(OutgoingKafkaRecordMetadata.class)
                .orElseThrow().getHeaders().lastHeader(TraceContext.HEADER).value(), StandardCharsets.US_ASCII))
                .orElseThrow();
        assertThat(header.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(header.spanId()).isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void anEventWithoutTraceGetsANewTraceOnItsRecord() {
        Envelope<InboundMessage> event = TestEvents.inbound("謝謝");

        inbound.send(Message.of(EventCodec.shared().encode(event)));

        Message<String> record = awaitTriageOf(event);
        assertThat(TraceContext.isValid(new String(record.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow()
                .getHeaders().lastHeader(TraceContext.HEADER).value(), StandardCharsets.US_ASCII))).isTrue();
    }

    @Test
    void triagesARedeliveredInboundOnce() {
        Envelope<InboundMessage> event = TestEvents.inbound("請問律師費可以分期嗎");
        Envelope<InboundMessage> next = TestEvents.inbound(event.conversationId(), "謝謝");

        inbound.send(Message.of(EventCodec.shared().encode(event)));
        inbound.send(Message.of(EventCodec.shared().encode(event)));
        inbound.send(Message.of(EventCodec.shared().encode(next)));

        awaitTriageOf(next);
        assertThat(triagedIds()).containsOnlyOnce(EventIds.derive(event.eventId(), "triage"));
    }

    @Test
    void rejectsARecordThatIsNotAnEventAndGoesOn() {
        List<Throwable> rejections = new CopyOnWriteArrayList<>();
        Envelope<InboundMessage> next = TestEvents.inbound("你好");

        inbound.send(Message.of("this is not an event").withNack(reason -> {
            rejections.add(reason);
            return CompletableFuture.completedFuture(null);
        }));
        inbound.send(Message.of(EventCodec.shared().encode(next)));

        awaitTriageOf(next);
        assertThat(rejections).hasSize(1);
    }

    @Test
    void skipsEventsOfAnUnknownType() {
        List<Throwable> rejections = new CopyOnWriteArrayList<>();
        String future = """
                {"eventId":"e-future","type":"inbound.reaction","occurredAt":"2026-01-01T00:00:00Z",
                 "conversationId":"line:Ubot:Ufuture","payload":{"emoji":"👍"}}""";
        Envelope<InboundMessage> next = TestEvents.inbound("你好");

        inbound.send(Message.of(future).withNack(reason -> {
            rejections.add(reason);
            return CompletableFuture.completedFuture(null);
        }));
        inbound.send(Message.of(EventCodec.shared().encode(next)));

        awaitTriageOf(next);
        assertThat(triagedIds()).hasSize(1);
        assertThat(rejections).isEmpty();
    }

    private Message<String> awaitTriageOf(Envelope<InboundMessage> event) {
        String triageId = EventIds.derive(event.eventId(), "triage");
        await().atMost(Duration.ofSeconds(10)).until(() -> triagedIds().contains(triageId));
        return triaged.received().stream()
                .filter(m -> EventCodec.shared().decode(m.getPayload()).eventId().equals(triageId))
                .findFirst().orElseThrow();
    }

    private List<String> triagedIds() {
        return triaged.received().stream().map(m -> EventCodec.shared().decode(m.getPayload()).eventId()).toList();
    }
}
