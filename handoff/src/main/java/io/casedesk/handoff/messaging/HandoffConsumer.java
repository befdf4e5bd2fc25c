package io.casedesk.handoff.messaging;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.mapping.EventRecords;
import io.casedesk.handoff.mapping.HandoffMapper;
import io.casedesk.handoff.service.HandoffInbox;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.RecentEventIds;
import io.casedesk.schema.RejectedRecordException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Reads {@code cs.handoff.v1}: puts each request into the agents' inbox and records a {@code HANDOFF} turn
 * on {@code cs.conversation.v1}. A record that is not a handoff request goes to {@code cs.handoff.v1.dlq};
 * events of a type this reader does not know are skipped.
 */
@ApplicationScoped
public class HandoffConsumer {

    private static final Logger LOG = Logger.getLogger(HandoffConsumer.class);

    private final HandoffInbox inbox;
    private final MutinyEmitter<String> conversation;
    private final MeterRegistry registry;
    private final RecentEventIds processed;
    private final Counter deadLettered;

    HandoffConsumer(HandoffInbox inbox, @Channel("conversation") MutinyEmitter<String> conversation,
            MeterRegistry registry, HandoffConfig config) {
        this.inbox = inbox;
        this.conversation = conversation;
        this.registry = registry;
        this.processed = new RecentEventIds(config.processedIdsCapacity());
        this.deadLettered = registry.counter("casedesk.handoff.dead.lettered");
    }

    @Incoming("handoff")
    @Blocking
    public void onHandoffRecord(String record) {
        try {
            accept(record);
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
    }

    private void accept(String record) {
        Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
        if (envelope.isUnknownType()) {
            LOG.debugf("Skipped event %s of unknown type %s", envelope.eventId(), envelope.type());
            return;
        }
        Envelope<HandoffRequest> request = envelope.as(HandoffRequest.class);
        if (processed.contains(request.eventId())) {
            LOG.debugf("Skipped redelivered handoff %s", request.eventId());
            return;
        }
        inbox.add(HandoffMapper.toEntry(request));
        // Waits for the broker, so the offset is committed only after the turn is recorded.
        conversation.sendMessageAndAwait(EventRecords.toRecord(HandoffMapper.toTurn(request, Instant.now())));
        processed.remember(request.eventId());
        registry.counter("casedesk.handoff.received", "reason", String.valueOf(request.payload().reason())).increment();
        // The conversation id holds the customer's address: the log names the event only.
        LOG.infof("Handoff %s received (%s)", request.eventId(), request.payload().reason());
    }
}
