package io.casedesk.ingress.line.messaging;

import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.TraceContext;
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
 * that continues the envelope's trace. Every method completes when the broker acknowledged the record, and
 * fails when it did not.
 */
@Singleton
public class EventPublisher {

    private final MutinyEmitter<String> inbound;
    private final MutinyEmitter<String> conversation;
    private final MutinyEmitter<String> delivery;
    private final MutinyEmitter<String> handoff;

    @Inject
    public EventPublisher(@Channel("inbound") MutinyEmitter<String> inbound,
            @Channel("conversation") MutinyEmitter<String> conversation,
            @Channel("delivery") MutinyEmitter<String> delivery,
            @Channel("handoff") MutinyEmitter<String> handoff) {
        this.inbound = inbound;
        this.conversation = conversation;
        this.delivery = delivery;
        this.handoff = handoff;
    }

    /** To {@code cs.inbound.v1}. */
    public Uni<Void> inbound(Envelope<?> envelope) {
        return send(inbound, envelope);
    }

    /** To {@code cs.conversation.v1}. */
    public Uni<Void> conversation(Envelope<?> envelope) {
        return send(conversation, envelope);
    }

    /** To {@code cs.delivery.v1}. */
    public Uni<Void> delivery(Envelope<?> envelope) {
        return send(delivery, envelope);
    }

    /** To {@code cs.handoff.v1}. */
    public Uni<Void> handoff(Envelope<?> envelope) {
        return send(handoff, envelope);
    }

    private static Uni<Void> send(MutinyEmitter<String> emitter, Envelope<?> envelope) {
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(EventCodec.shared().encode(envelope))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.conversationId())
                        .withHeaders(traceHeaders(envelope)).build())));
    }

    /** A child of the envelope's trace context (a new trace when it has none). */
    static RecordHeaders traceHeaders(Envelope<?> envelope) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceContext.HEADER,
                TraceContext.childOf(envelope.traceparent()).traceparent().getBytes(StandardCharsets.US_ASCII));
        return headers;
    }
}
