package io.casedesk.handoff.messaging;

import io.casedesk.handoff.lifecycle.CustomerMessages;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.messaging.consumer.KeyOrderedConsumers;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.RejectedRecordException;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import java.util.concurrent.Flow;

/**
 * Reads {@code cs.inbound.v1} in handoff's own group: a customer's message joins the conversation's open
 * ticket live, and an answer to the rating question is recorded.
 */
@ApplicationScoped
public class InboundConsumer {

    private final KeyOrderedConsumers consumers;

    private final CustomerMessages messages;
    private final Counter deadLettered;

    InboundConsumer(CustomerMessages messages, HandoffMetrics metrics, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.messages = messages;
        this.deadLettered = metrics.deadLettered(Topics.INBOUND);
    }

    /** The channel's records, handled concurrently and in order per conversation ({@link KeyOrderedConsumers}). */
    @Incoming("inbound")
    public Flow.Subscriber<Message<String>> inboundRecords() {
        return consumers.of("inbound", (value, metadata) -> onInboundRecord(value));
    }

    void onInboundRecord(String record) {
        try {
            Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
            // A replayed message (./casedesk replay) is no new word from the customer.
            if (envelope.payload() instanceof InboundMessage && !envelope.replay()) {
                Envelope<InboundMessage> inbound = envelope.as(InboundMessage.class);
                Retrying.run("Inbound " + inbound.eventId(), () -> messages.onInbound(inbound));
            }
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
    }
}
