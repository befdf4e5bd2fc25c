package io.casedesk.ingress.email.messaging;

import io.casedesk.ingress.email.config.EmailConfig;
import io.casedesk.messaging.EventRecords;
import io.casedesk.ingress.email.reply.ReplyMails;
import io.casedesk.ingress.email.service.SentMessageIds;
import io.casedesk.ingress.email.service.SmtpSender;
import io.casedesk.messaging.consumer.KeyOrderedConsumers;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.RecentEventIds;
import io.casedesk.schema.RejectedRecordException;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TraceSpans;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.mailer.Mail;
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
 * Sends the emails of {@code cs.outbound.email.v1} over SMTP and reports each outcome: a
 * {@code DeliveryReport} on {@code cs.delivery.v1} and a {@code DELIVERY} turn on {@code cs.conversation.v1}.
 * An answer that could not be delivered (a permanent SMTP failure, or a transient one that outlasted the retries)
 * is also handed to a person on {@code cs.handoff.v1}. The record's offset is committed only after these events
 * were acknowledged by the broker. A record that is not a sendable outbound email goes to
 * {@code cs.outbound.email.v1.dlq}.
 */
@ApplicationScoped
public class OutboundEmailConsumer {

    private final KeyOrderedConsumers consumers;

    private static final Logger LOG = Logger.getLogger(OutboundEmailConsumer.class);
    private static final String TRACE_ID = "traceId";

    private final SmtpSender sender;
    private final MutinyEmitter<String> deliveries;
    private final MutinyEmitter<String> conversation;
    private final MutinyEmitter<String> handoffs;
    private final MeterRegistry registry;
    private final EmailConfig config;
    private final RecentEventIds sent;
    private final SentMessageIds sentMessageIds;
    private final Counter deadLettered;
    private final TraceSpans spans;

    OutboundEmailConsumer(SmtpSender sender, @Channel("delivery") MutinyEmitter<String> deliveries,
            @Channel("conversation") MutinyEmitter<String> conversation,
            @Channel("handoff") MutinyEmitter<String> handoffs, MeterRegistry registry, EmailConfig config,
            Tracer tracer, SentMessageIds sentMessageIds, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.spans = new TraceSpans(tracer);
        this.sentMessageIds = sentMessageIds;
        this.sender = sender;
        this.deliveries = deliveries;
        this.conversation = conversation;
        this.handoffs = handoffs;
        this.registry = registry;
        this.config = config;
        this.sent = new RecentEventIds(config.processedIdsCapacity());
        this.deadLettered = registry.counter("casedesk.email.dead.lettered");
    }

    /** The channel's records, handled concurrently and in order per conversation ({@link KeyOrderedConsumers}). */
    @Incoming("outbound-email")
    public Flow.Subscriber<Message<String>> outboundEmailRecords() {
        return consumers.of("outbound-email", this::onOutboundRecord);
    }

    /**
     * Blocking, on a worker thread of the channel's {@link KeyOrderedConsumers} pool: one conversation's emails in the
     * order of their records, other conversations' at the same time. Not Vert.x's ordered blocking execution: the
     * mail client's first SMTP handshake waits for that same ordered context and times out (quarkusio/quarkus#28353).
     */
    void onOutboundRecord(String record, IncomingKafkaRecordMetadata<?, ?> metadata) {
        try {
            deliver(record, EventRecords.traceparentOf(metadata));
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
    }

    private void deliver(String record, String recordTraceparent) {
        Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
        // The trace id in the log context: the lines of one customer message can be found across services.
        TraceContext.traceIdOf(envelope.traceparent()).ifPresent(traceId -> MDC.put(TRACE_ID, traceId));
        try {
            spans.process(Topics.OUTBOUND_EMAIL, recordTraceparent, envelope, this::deliver);
        } finally {
            MDC.remove(TRACE_ID);
        }
    }

    private void deliver(Envelope<EventPayload> envelope) {
        if (envelope.isUnknownType()) {
            LOG.debugf("Skipped event %s of unknown type %s", envelope.eventId(), envelope.type());
            return;
        }
        Envelope<OutboundEmailMessage> outbound = envelope.as(OutboundEmailMessage.class);
        if (outbound.replay()) {
            LOG.debugf("Skipped replayed outbound email %s: a replay never writes to a customer", outbound.eventId());
            return;
        }
        // The dedupe check comes before the channel write, so a redelivered record sends nothing.
        if (sent.contains(outbound.eventId())) {
            LOG.debugf("Skipped outbound email %s: already sent", outbound.eventId());
            return;
        }
        Mail mail = ReplyMails.toMail(outbound, config.messageIdDomain());
        SmtpSender.Outcome outcome = sender.send(mail);
        if (outcome.status() == DeliveryStatus.SENT) {
            sent.remember(outbound.eventId());
            // Durably: a later bounce must name a mail we sent.
            sentMessageIds.remember(outbound.eventId());
        }
        Instant now = Instant.now();
        publish(deliveries, Topics.DELIVERY, DeliveryEvents.report(outbound, outcome.status(), outcome.detail(), now));
        publish(conversation, Topics.CONVERSATION, DeliveryEvents.turn(outbound, outcome.status(), now));
        if (outcome.status() == DeliveryStatus.FAILED) {
            publish(handoffs, Topics.HANDOFF, DeliveryEvents.handoff(outbound, now));
        }
        registry.counter("casedesk.email.deliveries", "status", outcome.status().name().toLowerCase(Locale.ROOT))
                .increment();
        LOG.infof("Outbound email %s: %s%s", outbound.eventId(), outcome.status(),
                outcome.status() == DeliveryStatus.FAILED ? " (" + outcome.detail() + "), handed to a person" : "");
    }

    private void publish(MutinyEmitter<String> emitter, String topic, Envelope<?> event) {
        emitter.sendMessageAndAwait(EventRecords.toRecord(event, spans.publish(topic, event.traceparent())));
    }
}
