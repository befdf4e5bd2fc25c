package io.casedesk.handoff.messaging;

import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.TicketService;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.RejectedRecordException;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.Counter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code cs.inbound.v1} in handoff's own group: a customer's message joins the conversation's open
 * ticket live, and an answer to the rating question is recorded.
 */
@ApplicationScoped
public class InboundConsumer {

    private final TicketService tickets;
    private final Counter deadLettered;

    InboundConsumer(TicketService tickets, HandoffMetrics metrics) {
        this.tickets = tickets;
        this.deadLettered = metrics.deadLettered(Topics.INBOUND);
    }

    @Incoming("inbound")
    @Blocking
    public void onInboundRecord(String record) {
        try {
            Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
            // A replayed message (./casedesk replay) is no new word from the customer.
            if (envelope.payload() instanceof InboundMessage && !envelope.replay()) {
                Envelope<InboundMessage> inbound = envelope.as(InboundMessage.class);
                Retrying.run("Inbound " + inbound.eventId(), () -> tickets.onInbound(inbound));
            }
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
    }
}
