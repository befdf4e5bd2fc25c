package io.casedesk.classifier.messaging;

import io.casedesk.classifier.config.ClassifierConfig;
import io.casedesk.messaging.EventRecords;
import io.casedesk.classifier.service.TriageEngine;
import io.casedesk.messaging.consumer.KeyOrderedConsumers;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.RecentEventIds;
import io.casedesk.schema.RejectedRecordException;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TraceSpans;
import io.casedesk.schema.Triage;
import io.casedesk.schema.TriagedMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Flow;

/**
 * Triages every inbound message: reads {@code cs.inbound.v1}, writes a {@link TriagedMessage} to
 * {@code cs.triaged.v1}. A record that is not an inbound event fails and the failure strategy parks it on
 * {@code cs.inbound.v1.dlq}; events of a type this reader does not know are skipped.
 */
@ApplicationScoped
public class InboundConsumer {

    private final KeyOrderedConsumers consumers;

    private static final Logger LOG = Logger.getLogger(InboundConsumer.class);
    private static final String TRACE_ID = "traceId";

    private final TriageEngine engine;
    private final MutinyEmitter<String> triaged;
    private final MeterRegistry registry;
    private final RecentEventIds processed;
    private final Counter deadLettered;
    private final Counter duplicates;
    private final TraceSpans spans;

    InboundConsumer(TriageEngine engine, @Channel("triaged") MutinyEmitter<String> triaged, MeterRegistry registry,
            ClassifierConfig config, Tracer tracer, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.engine = engine;
        this.spans = new TraceSpans(tracer);
        this.triaged = triaged;
        this.registry = registry;
        this.processed = new RecentEventIds(config.processedIdsCapacity());
        this.deadLettered = registry.counter("casedesk.classifier.dead.lettered");
        this.duplicates = registry.counter("casedesk.classifier.duplicates");
    }

    /** The channel's records, handled concurrently and in order per conversation ({@link KeyOrderedConsumers}). */
    @Incoming("inbound")
    public Flow.Subscriber<Message<String>> inboundRecords() {
        return consumers.of("inbound", this::onInboundRecord);
    }

    /** Blocking and ordered: an engine may call a remote model, and one conversation's messages keep their order. */
    void onInboundRecord(String record, IncomingKafkaRecordMetadata<?, ?> metadata) {
        try {
            triage(record, EventRecords.traceparentOf(metadata));
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
    }

    private void triage(String record, String recordTraceparent) {
        Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
        // The trace id in the log context: the lines of one customer message can be found across services.
        TraceContext.traceIdOf(envelope.traceparent()).ifPresent(traceId -> MDC.put(TRACE_ID, traceId));
        try {
            spans.process(Topics.INBOUND, recordTraceparent, envelope, this::triage);
        } finally {
            MDC.remove(TRACE_ID);
        }
    }

    private void triage(Envelope<EventPayload> envelope) {
        if (envelope.isUnknownType()) {
            LOG.debugf("Skipped event %s of unknown type %s", envelope.eventId(), envelope.type());
            return;
        }
        Envelope<InboundMessage> inbound = envelope.as(InboundMessage.class);
        if (processed.contains(inbound.eventId())) {
            duplicates.increment();
            LOG.debugf("Skipped redelivered inbound event %s", inbound.eventId());
            return;
        }
        TriageEngine.Reading reading = engine.read(inbound.payload());
        Triage triage = reading.triage();
        // The embedding goes along so that the responder need not compute it again for the same text.
        Envelope<TriagedMessage> result = inbound.follow("triage", Instant.now(),
                new TriagedMessage(inbound.payload(), triage, reading.embedding()));
        // Waits for the broker's acknowledgement, so the inbound offset is committed only after the effect.
        triaged.sendMessageAndAwait(EventRecords.toRecord(result, spans.publish(Topics.TRIAGED, result.traceparent())));
        processed.remember(inbound.eventId());
        registry.counter("casedesk.classifier.triaged", "intent", triage.intent().name().toLowerCase(Locale.ROOT),
                "engine", triage.engine()).increment();
        LOG.debugf("Triaged inbound event %s as %s (%s)", inbound.eventId(), triage.intent(), result.eventId());
    }
}
