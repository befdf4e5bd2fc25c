package io.casedesk.responder.messaging;

import io.casedesk.responder.service.OutgoingEvent;
import io.casedesk.responder.service.ResponderService;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.TriagedMessage;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Consumes {@code cs.triaged.v1}. The offset is committed only after every resulting event was
 * acknowledged by the broker; a record that cannot be decoded goes to {@code cs.triaged.v1.dlq}.
 */
@ApplicationScoped
public class TriagedMessageConsumer {

    private static final Logger LOG = Logger.getLogger(TriagedMessageConsumer.class);

    private final ResponderService responder;
    private final EventPublisher publisher;
    private final ProcessedEvents processed;

    public TriagedMessageConsumer(ResponderService responder, EventPublisher publisher, ProcessedEvents processed) {
        this.responder = responder;
        this.publisher = publisher;
        this.processed = processed;
    }

    @Incoming("triaged")
    @Blocking
    public void consume(String record) {
        Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
        if (envelope.isUnknownType()) {
            LOG.debugf("Skipping event %s of unknown type %s", envelope.eventId(), envelope.type());
            return;
        }
        if (!processed.firstTime(envelope.eventId())) {
            return;
        }
        List<OutgoingEvent> events = responder.respond(envelope.as(TriagedMessage.class));
        publisher.publishAll(events);
    }
}
