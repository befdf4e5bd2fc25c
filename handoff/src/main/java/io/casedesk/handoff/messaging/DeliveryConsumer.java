package io.casedesk.handoff.messaging;

import io.casedesk.handoff.service.DeliveryTracker;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.messaging.consumer.GroupCommit;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Reads {@code cs.delivery.v1}: whether the agents' messages reached the customer. */
@ApplicationScoped
public class DeliveryConsumer {

    private final KeyOrderedConsumers consumers;

    private final GroupCommit<DeliveryReport> tracking;
    private final Counter deadLettered;

    DeliveryConsumer(DeliveryTracker tracker, HandoffMetrics metrics, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.tracking = consumers.groupCommit("delivery",
                reports -> Retrying.run(reports.size() + " delivery reports", () -> tracker.onReports(reports)));
        this.deadLettered = metrics.deadLettered(Topics.DELIVERY);
    }

    /**
     * The channel's records, in order per conversation ({@link KeyOrderedConsumers}); the reports waiting at a moment
     * are applied in one transaction ({@link GroupCommit}), a record acknowledged once its report is.
     */
    @Incoming("delivery")
    public Flow.Subscriber<Message<String>> deliveryRecords() {
        return consumers.ofAsync("delivery", (value, metadata) -> onDeliveryRecord(value));
    }

    CompletionStage<Void> onDeliveryRecord(String record) {
        Envelope<EventPayload> envelope;
        try {
            envelope = EventCodec.shared().decode(record);
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
        if (!(envelope.payload() instanceof DeliveryReport report) || report.outboundEventId() == null) {
            return CompletableFuture.completedFuture(null);
        }
        return GroupWrites.rejectedOnFailure(tracking.submit(report), deadLettered);
    }
}
