package io.casedesk.responder.messaging;

import io.casedesk.responder.service.OutgoingEvent;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TraceSpans;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes the responder's events, keyed by conversation id, and waits for the broker's acknowledgement of all of
 * them. They go to different topics, so they are sent together and awaited together: one round trip, not one each.
 */
@ApplicationScoped
public class EventPublisher {

    private final Map<String, MutinyEmitter<String>> emitters;
    private final TraceSpans spans;

    public EventPublisher(Tracer tracer,
                          @Channel("outbound-line") MutinyEmitter<String> outboundLine,
                          @Channel("outbound-email") MutinyEmitter<String> outboundEmail,
                          @Channel("handoff") MutinyEmitter<String> handoff,
                          @Channel("conversation") MutinyEmitter<String> conversation) {
        this.spans = new TraceSpans(tracer);
        this.emitters = Map.of(
                Topics.OUTBOUND_LINE, outboundLine,
                Topics.OUTBOUND_EMAIL, outboundEmail,
                Topics.HANDOFF, handoff,
                Topics.CONVERSATION, conversation);
    }

    public void publishAll(List<OutgoingEvent> events) {
        List<Uni<Void>> acknowledgements = new ArrayList<>();
        for (OutgoingEvent event : events) {
            MutinyEmitter<String> emitter = emitters.get(event.topic());
            if (emitter == null) {
                throw new IllegalStateException("No channel for topic " + event.topic());
            }
            Message<String> message = Message.of(EventCodec.shared().encode(event.envelope()))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.envelope().conversationId())
                            .withHeaders(traceHeaders(event)).build());
            acknowledgements.add(emitter.sendMessage(message));
        }
        if (!acknowledgements.isEmpty()) {
            Uni.join().all(acknowledgements).andFailFast().await().indefinitely();
        }
    }

    /** A {@code traceparent} header: the context of the record's publishing, in the envelope's trace. */
    private RecordHeaders traceHeaders(OutgoingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceContext.HEADER, spans.publish(event.topic(), event.envelope().traceparent())
                .getBytes(StandardCharsets.US_ASCII));
        return headers;
    }
}
