package io.casedesk.ingress.line.messaging;

import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TraceSpans;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * Publishes envelopes as JSON strings keyed by conversation id, each record with a {@code traceparent} header
 * that continues the envelope's trace (the context of its publishing, see {@link TraceSpans#publish}). Every
 * method completes when the broker acknowledged the record, and fails when it did not.
 */
@Singleton
public class EventPublisher {

    private final MutinyEmitter<String> inbound;
    private final MutinyEmitter<String> conversation;
    private final MutinyEmitter<String> delivery;
    private final MutinyEmitter<String> handoff;
    private final TraceSpans spans;

    @Inject
    public EventPublisher(@Channel("inbound") MutinyEmitter<String> inbound,
            @Channel("conversation") MutinyEmitter<String> conversation,
            @Channel("delivery") MutinyEmitter<String> delivery,
            @Channel("handoff") MutinyEmitter<String> handoff, Tracer tracer) {
        this.spans = new TraceSpans(tracer);
        this.inbound = inbound;
        this.conversation = conversation;
        this.delivery = delivery;
        this.handoff = handoff;
    }

    /** To {@code cs.inbound.v1}. */
    public Uni<Void> inbound(Envelope<?> envelope) {
        return send(inbound, Topics.INBOUND, envelope);
    }

    /** To {@code cs.conversation.v1}. */
    public Uni<Void> conversation(Envelope<?> envelope) {
        return send(conversation, Topics.CONVERSATION, envelope);
    }

    /** To {@code cs.delivery.v1}. */
    public Uni<Void> delivery(Envelope<?> envelope) {
        return send(delivery, Topics.DELIVERY, envelope);
    }

    /** To {@code cs.handoff.v1}. */
    public Uni<Void> handoff(Envelope<?> envelope) {
        return send(handoff, Topics.HANDOFF, envelope);
    }

    private Uni<Void> send(MutinyEmitter<String> emitter, String topic, Envelope<?> envelope) {
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(EventCodec.shared().encode(envelope))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.conversationId())
                        .withHeaders(traceHeaders(topic, envelope)).build())));
    }

    private RecordHeaders traceHeaders(String topic, Envelope<?> envelope) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceContext.HEADER,
                spans.publish(topic, envelope.traceparent()).getBytes(StandardCharsets.US_ASCII));
        return headers;
    }
}
