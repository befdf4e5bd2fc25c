package io.casedesk.handoff.messaging;

import io.casedesk.handoff.service.DeliveryTracker;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.messaging.consumer.KeyOrderedConsumers;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.RejectedRecordException;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import java.util.concurrent.Flow;

/** Reads {@code cs.delivery.v1}: whether the agents' messages reached the customer. */
@ApplicationScoped
public class DeliveryConsumer {

    private final KeyOrderedConsumers consumers;

    private final DeliveryTracker tracker;
    private final Counter deadLettered;

    DeliveryConsumer(DeliveryTracker tracker, HandoffMetrics metrics, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.tracker = tracker;
        this.deadLettered = metrics.deadLettered(Topics.DELIVERY);
    }

    /** The channel's records, handled concurrently and in order per conversation ({@link KeyOrderedConsumers}). */
    @Incoming("delivery")
    public Flow.Subscriber<Message<String>> deliveryRecords() {
        return consumers.of("delivery", (value, metadata) -> onDeliveryRecord(value));
    }

    void onDeliveryRecord(String record) {
        try {
            Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
            if (envelope.payload() instanceof DeliveryReport report) {
                Retrying.run("Delivery report " + envelope.eventId(), () -> tracker.onReport(report));
            }
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
    }
}
