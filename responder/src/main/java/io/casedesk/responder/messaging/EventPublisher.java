package io.casedesk.responder.messaging;

import io.casedesk.responder.service.OutgoingEvent;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.Map;

/** Publishes the responder's events, keyed by conversation id, and waits for the broker's acknowledgement. */
@ApplicationScoped
public class EventPublisher {

    private final Map<String, MutinyEmitter<String>> emitters;

    public EventPublisher(@Channel("outbound-line") MutinyEmitter<String> outboundLine,
                          @Channel("outbound-email") MutinyEmitter<String> outboundEmail,
                          @Channel("handoff") MutinyEmitter<String> handoff,
                          @Channel("conversation") MutinyEmitter<String> conversation) {
        this.emitters = Map.of(
                Topics.OUTBOUND_LINE, outboundLine,
                Topics.OUTBOUND_EMAIL, outboundEmail,
                Topics.HANDOFF, handoff,
                Topics.CONVERSATION, conversation);
    }

    public void publishAll(List<OutgoingEvent> events) {
        for (OutgoingEvent event : events) {
            MutinyEmitter<String> emitter = emitters.get(event.topic());
            if (emitter == null) {
                throw new IllegalStateException("No channel for topic " + event.topic());
            }
            Message<String> message = Message.of(EventCodec.shared().encode(event.envelope()))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.envelope().conversationId()).build());
            emitter.sendMessageAndAwait(message);
        }
    }
}
