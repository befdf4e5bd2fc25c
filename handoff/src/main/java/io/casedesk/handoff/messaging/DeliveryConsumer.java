package io.casedesk.handoff.messaging;

import io.casedesk.handoff.service.DeliveryTracker;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.RejectedRecordException;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code cs.delivery.v1}: whether the agents' messages reached the customer. */
@ApplicationScoped
public class DeliveryConsumer {

    private final DeliveryTracker tracker;
    private final Counter deadLettered;

    DeliveryConsumer(DeliveryTracker tracker, HandoffMetrics metrics) {
        this.tracker = tracker;
        this.deadLettered = metrics.deadLettered(Topics.DELIVERY);
    }

    @Incoming("delivery")
    @Blocking
    public void onDeliveryRecord(String record) {
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
