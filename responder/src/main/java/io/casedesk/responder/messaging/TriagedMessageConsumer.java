package io.casedesk.responder.messaging;

import io.casedesk.messaging.EventRecords;
import io.casedesk.messaging.consumer.KeyOrderedConsumers;
import io.casedesk.responder.service.ResponderService;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventDecodingException;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.RecentEventIds;
import io.casedesk.schema.RejectedRecordException;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceSpans;
import io.casedesk.schema.TriagedMessage;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import java.util.concurrent.Flow;


/**
 * Consumes {@code cs.triaged.v1}. The offset is committed only after every resulting event was
 * acknowledged by the broker; a record that cannot be decoded goes to {@code cs.triaged.v1.dlq}.
 */
@ApplicationScoped
public class TriagedMessageConsumer {

    private final KeyOrderedConsumers consumers;

    private static final Logger LOG = Logger.getLogger(TriagedMessageConsumer.class);

    private final ResponderService responder;
    private final EventPublisher publisher;
    /**
     * Inbound events answered recently, so a redelivered record is not answered twice by this instance.
     * Across restarts and instances the channel senders catch duplicates: every event the responder
     * publishes has an id derived from its input.
     */
    private final RecentEventIds processed = new RecentEventIds(100_000);
    private final TraceSpans spans;

    public TriagedMessageConsumer(ResponderService responder, EventPublisher publisher, Tracer tracer, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.responder = responder;
        this.publisher = publisher;
        this.spans = new TraceSpans(tracer);
    }

    /** The channel's records, handled concurrently and in order per conversation ({@link KeyOrderedConsumers}). */
    @Incoming("triaged")
    public Flow.Subscriber<Message<String>> triagedRecords() {
        return consumers.of("triaged", this::consume);
    }

    void consume(String record, IncomingKafkaRecordMetadata<?, ?> metadata) {
        Envelope<EventPayload> envelope;
        try {
            envelope = EventCodec.shared().decode(record);
        } catch (EventDecodingException e) {
            throw new RejectedRecordException(e);
        }
        if (envelope.isUnknownType()) {
            LOG.debugf("Skipping event %s of unknown type %s", envelope.eventId(), envelope.type());
            return;
        }
        if (!processed.claim(envelope.eventId())) {
            return;
        }
        // Current while answering: the calls to case-service and to a model join the message's trace.
        try {
            spans.process(Topics.TRIAGED, EventRecords.traceparentOf(metadata), envelope.as(TriagedMessage.class),
                    triaged -> publisher.publishAll(responder.respond(triaged)));
        } catch (RuntimeException e) {
            processed.release(envelope.eventId()); // let the redelivered record be answered
            throw e;
        }
    }

}
