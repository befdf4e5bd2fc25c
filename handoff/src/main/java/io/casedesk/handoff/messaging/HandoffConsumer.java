package io.casedesk.handoff.messaging;

import io.casedesk.handoff.lifecycle.TicketIntake;
import io.casedesk.handoff.mapping.HandoffMapper;
import io.casedesk.messaging.EventRecords;
import io.casedesk.handoff.service.CustomerLookup;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.TicketTimers;
import io.casedesk.messaging.consumer.KeyOrderedConsumers;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.RejectedRecordException;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceSpans;
import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import java.util.concurrent.Flow;

/**
 * Reads {@code cs.handoff.v1}: opens a ticket per handed-off conversation (or adds to its open one). The
 * customer's record is looked up before the transaction, so a slow case-service holds no database lock. A
 * record that is not a handoff request goes to {@code cs.handoff.v1.dlq}; unknown event types are skipped.
 */
@ApplicationScoped
public class HandoffConsumer {

    private final KeyOrderedConsumers consumers;

    private static final Logger LOG = Logger.getLogger(HandoffConsumer.class);

    private final TicketIntake intake;
    private final CustomerLookup customers;
    private final TicketTimers timers;
    private final Counter deadLettered;
    private final TraceSpans spans;

    HandoffConsumer(TicketIntake intake, CustomerLookup customers, TicketTimers timers, HandoffMetrics metrics,
            Tracer tracer, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.spans = new TraceSpans(tracer);
        this.intake = intake;
        this.customers = customers;
        this.timers = timers;
        this.deadLettered = metrics.deadLettered(Topics.HANDOFF);
    }

    /** The channel's records, handled concurrently and in order per conversation ({@link KeyOrderedConsumers}). */
    @Incoming("handoff")
    public Flow.Subscriber<Message<String>> handoffRecords() {
        return consumers.of("handoff", this::onHandoffRecord);
    }

    void onHandoffRecord(String record, IncomingKafkaRecordMetadata<?, ?> metadata) {
        Envelope<HandoffRequest> request;
        try {
            Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
            if (envelope.isUnknownType()) {
                LOG.debugf("Skipped event %s of unknown type %s", envelope.eventId(), envelope.type());
                return;
            }
            if (envelope.replay()) {
                // A replayed handoff (./casedesk replay) opens no ticket and tells no customer anything.
                LOG.debugf("Skipped replayed event %s", envelope.eventId());
                return;
            }
            request = envelope.as(HandoffRequest.class);
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
        // Current while handling: the case-service lookup joins the trace; the ticket keeps this context, which the
        // agent's answers continue.
        spans.process(Topics.HANDOFF, EventRecords.traceparentOf(metadata), request, this::open);
    }

    private void open(Envelope<HandoffRequest> request) {
        String identity = HandoffMapper.identity(HandoffMapper.inbound(request.payload()));
        CustomerLookup.Customer customer = customers.lookup(HandoffMapper.channel(request), identity,
                request.payload().customerRef());
        try {
            Retrying.run("Handoff " + request.eventId(), () -> intake.onHandoff(request, customer));
            timers.assignWaiting();
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
    }
}
