package io.casedesk.schema;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceSpansTest {

    private static final String WEBHOOK = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String PRODUCER = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final TraceSpans spans = new TraceSpans(provider.get("test"));

    @AfterEach
    void shutDown() {
        provider.shutdown();
    }

    @Test
    void aHandledRecordIsAChildOfItsProducerAndWhatItPublishesIsAChildOfTheHandling() {
        String handling;
        String published;
        try (TraceSpans.Started started = spans.handle(Topics.INBOUND, PRODUCER, WEBHOOK).current()) {
            handling = started.traceparent();
            assertThat(Span.current().getSpanContext().getSpanId()).isEqualTo(spanId(handling));
            published = spans.publish(Topics.TRIAGED, handling);
        }
        assertThat(Span.current().getSpanContext().isValid()).as("no span current after close").isFalse();

        SpanData consumer = span("cs.inbound.v1 process");
        assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumer.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(consumer.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(consumer.getSpanId()).isEqualTo(spanId(handling));
        assertThat(consumer.getAttributes().asMap().toString()).contains("messaging.destination.name=cs.inbound.v1");

        SpanData producer = span("cs.triaged.v1 publish");
        assertThat(producer.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(producer.getTraceId()).isEqualTo(consumer.getTraceId());
        assertThat(producer.getParentSpanId()).isEqualTo(consumer.getSpanId());
        assertThat(producer.getSpanId()).isEqualTo(spanId(published));
    }

    @Test
    void withoutAValidHeaderTheEnvelopesContextIsTheParent() {
        try (TraceSpans.Started started = spans.handle(Topics.INBOUND, "garbage", WEBHOOK)) {
            assertThat(TraceContext.traceIdOf(started.traceparent())).contains("0af7651916cd43dd8448eb211c80319c");
        }
        assertThat(span("cs.inbound.v1 process").getParentSpanId()).isEqualTo("b7ad6b7169203331");
    }

    @Test
    void withoutAnyContextANewTraceStarts() {
        String published = spans.publish(Topics.INBOUND, null);
        assertThat(TraceContext.isValid(published)).isTrue();
        assertThat(span("cs.inbound.v1 publish").getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void aFailureIsRecordedByTypeOnly() {
        try (TraceSpans.Started call = spans.call("LINE reply", WEBHOOK)) {
            call.failed(new IllegalStateException("the customer's text"));
        }
        SpanData call = span("LINE reply");
        assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(call.getStatus().getDescription()).isEqualTo("IllegalStateException");
    }

    @Test
    void withTracingOffEveryHopStillContinuesTheTrace() {
        TraceSpans off = TraceSpans.disabled();
        try (TraceSpans.Started started = off.handle(Topics.INBOUND, PRODUCER, WEBHOOK).current()) {
            assertThat(started.traceparent()).as("follow-up events keep the envelope's context").isEqualTo(WEBHOOK);
        }
        String published = off.publish(Topics.TRIAGED, WEBHOOK);
        assertThat(TraceContext.traceIdOf(published)).contains("0af7651916cd43dd8448eb211c80319c");
        assertThat(published).isNotEqualTo(WEBHOOK);
        try (TraceSpans.Started call = off.call("LINE reply", null)) {
            assertThat(TraceContext.isValid(call.traceparent())).isTrue();
        }
    }

    @Test
    void theCurrentRecordedSpanIsTheContextOfWorkStartedOnItsThread() {
        try (TraceSpans.Started started = spans.handle(Topics.INBOUND, PRODUCER, WEBHOOK).current()) {
            assertThat(TraceSpans.currentOrChildOf(WEBHOOK)).isEqualTo(started.traceparent());
        }
        String child = TraceSpans.currentOrChildOf(WEBHOOK);
        assertThat(TraceContext.traceIdOf(child)).contains("0af7651916cd43dd8448eb211c80319c");
        assertThat(child).isNotEqualTo(WEBHOOK);
    }

    @Test
    void processingGivesTheWorkTheEnvelopeInItsHandlingsContextAndRecordsAFailure() {
        Envelope<ConversationTurn> event = Envelope.of("e-1", Instant.parse("2026-11-21T08:00:00Z"),
                "line:Ubot:Uc", null, WEBHOOK, new ConversationTurn(TurnKind.INBOUND, Channel.LINE, "Uc", null,
                        "customer", "hello", null, "text"));
        AtomicReference<Envelope<ConversationTurn>> seen = new AtomicReference<>();

        spans.process(Topics.CONVERSATION, PRODUCER, event, seen::set);
        IllegalStateException failure = new IllegalStateException("the customer's text");
        assertThatThrownBy(() -> spans.process(Topics.INBOUND, PRODUCER, event, e -> {
            throw failure;
        })).isSameAs(failure);

        SpanData handled = span("cs.conversation.v1 process");
        assertThat(seen.get().eventId()).isEqualTo("e-1");
        assertThat(TraceContext.parse(seen.get().traceparent()).orElseThrow().spanId()).isEqualTo(handled.getSpanId());
        assertThat(span("cs.inbound.v1 process").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    private SpanData span(String name) {
        List<SpanData> named = exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(named).as("spans named %s", name).hasSize(1);
        return named.get(0);
    }

    private static String spanId(String traceparent) {
        return TraceContext.parse(traceparent).orElseThrow().spanId();
    }
}
