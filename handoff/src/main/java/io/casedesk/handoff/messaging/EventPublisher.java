package io.casedesk.handoff.messaging;

import io.casedesk.handoff.mapping.EventRecords;
import io.casedesk.handoff.service.OutgoingEvent;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceSpans;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.util.List;
import java.util.Map;

/**
 * Publishes handoff's events, keyed by conversation id, and waits for the broker's acknowledgement. Callers
 * publish inside the transaction of the change: when the broker refuses, the change is rolled back and the
 * deterministic event ids make a retry publish the same events again.
 */
@ApplicationScoped
public class EventPublisher {

    private final Map<String, MutinyEmitter<String>> emitters;
    private final TraceSpans spans;

    public EventPublisher(Tracer tracer,
                          @Channel("outbound-line") MutinyEmitter<String> outboundLine,
                          @Channel("outbound-email") MutinyEmitter<String> outboundEmail,
                          @Channel("conversation-state") MutinyEmitter<String> conversationState,
                          @Channel("conversation") MutinyEmitter<String> conversation) {
        this.spans = new TraceSpans(tracer);
        this.emitters = Map.of(
                Topics.OUTBOUND_LINE, outboundLine,
                Topics.OUTBOUND_EMAIL, outboundEmail,
                Topics.CONVERSATION_STATE, conversationState,
                Topics.CONVERSATION, conversation);
    }

    public void publishAll(List<OutgoingEvent> events) {
        for (OutgoingEvent event : events) {
            MutinyEmitter<String> emitter = emitters.get(event.topic());
            if (emitter == null) {
                throw new IllegalStateException("No channel for topic " + event.topic());
            }
            emitter.sendMessageAndAwait(EventRecords.toRecord(event.envelope(),
                    spans.publish(event.topic(), event.envelope().traceparent())));
        }
    }
}
