package io.casedesk.handoff.messaging;

import io.casedesk.handoff.mapping.EventRecords;
import io.casedesk.handoff.mapping.HandoffMapper;
import io.casedesk.handoff.service.CustomerLookup;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.TicketService;
import io.casedesk.handoff.service.TicketTimers;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.RejectedRecordException;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceSpans;
import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code cs.handoff.v1}: opens a ticket per handed-off conversation (or adds to its open one). The
 * customer's record is looked up before the transaction, so a slow case-service holds no database lock. A
 * record that is not a handoff request goes to {@code cs.handoff.v1.dlq}; unknown event types are skipped.
 */
@ApplicationScoped
public class HandoffConsumer {

    private static final Logger LOG = Logger.getLogger(HandoffConsumer.class);

    private final TicketService tickets;
    private final CustomerLookup customers;
    private final TicketTimers timers;
    private final Counter deadLettered;
    private final TraceSpans spans;

    HandoffConsumer(TicketService tickets, CustomerLookup customers, TicketTimers timers, HandoffMetrics metrics,
            Tracer tracer) {
        this.spans = new TraceSpans(tracer);
        this.tickets = tickets;
        this.customers = customers;
        this.timers = timers;
        this.deadLettered = metrics.deadLettered(Topics.HANDOFF);
    }

    @Incoming("handoff")
    @Blocking
    public void onHandoffRecord(String record, IncomingKafkaRecordMetadata<String, String> metadata) {
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
        InboundMessage inbound = request.payload().message() == null ? null : request.payload().message().inbound();
        String identity = inbound == null ? null
                : inbound.email() != null && inbound.email().from() != null ? inbound.email().from() : inbound.senderId();
        CustomerLookup.Customer customer = customers.lookup(HandoffMapper.channel(request), identity,
                request.payload().customerRef());
        try {
            Retrying.run("Handoff " + request.eventId(), () -> tickets.onHandoff(request, customer));
            timers.assignWaiting();
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
    }
}
