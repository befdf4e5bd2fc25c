package io.casedesk.ingress.line.messaging;

import io.casedesk.ingress.line.idempotency.IdempotencyWarmup;
import io.casedesk.ingress.line.idempotency.ProcessedIds;
import io.casedesk.ingress.line.service.LineSender.Outcome;
import io.casedesk.ingress.line.service.LineSender;
import io.casedesk.messaging.EventRecords;
import io.casedesk.messaging.consumer.KeyOrderedConsumers;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.RecentEventIds;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TraceSpans;
import io.casedesk.schema.TurnKind;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Flow;

/**
 * Sends what arrives on {@code cs.outbound.line.v1}. Every send ends in one report on {@code cs.delivery.v1} and
 * one turn on {@code cs.conversation.v1}; a message that could not be delivered also hands the conversation to
 * a person ({@code cs.handoff.v1}, reason {@code delivery_failed}) instead of being retried forever. The record
 * is acknowledged (its offset committed) only after these events; a record that is not an envelope fails, and
 * the failure strategy parks it on the dead-letter topic. Nothing is handled before the warm-up read the ids
 * sent before a restart.
 */
@ApplicationScoped
public class OutboundLineConsumer {

    private final KeyOrderedConsumers consumers;

    public static final String HANDOFF_REASON = "delivery_failed";
    public static final String UNSENT = "unsent";
    private static final Logger LOG = Logger.getLogger(OutboundLineConsumer.class);

    private final LineSender sender;
    private final EventPublisher publisher;
    private final IdempotencyWarmup warmup;
    private final RecentEventIds sentEvents;
    private final RecentEventIds unsentMessages;
    private final TraceSpans spans;

    public OutboundLineConsumer(LineSender sender, EventPublisher publisher, IdempotencyWarmup warmup,
            ProcessedIds processedIds, Tracer tracer, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.spans = new TraceSpans(tracer);
        this.sender = sender;
        this.publisher = publisher;
        this.warmup = warmup;
        this.sentEvents = processedIds.sentOutboundEvents();
        this.unsentMessages = processedIds.unsentMessages();
    }

    /** The channel's records, handled concurrently and in order per conversation ({@link KeyOrderedConsumers}). */
    @Incoming("outbound-line")
    public Flow.Subscriber<Message<String>> outboundLineRecords() {
        return consumers.ofAsync("outbound-line", (value, metadata) -> onRecord(value, metadata).subscribeAsCompletionStage());
    }

    Uni<Void> onRecord(String record, IncomingKafkaRecordMetadata<?, ?> metadata) {
        String recordTraceparent = EventRecords.traceparentOf(metadata);
        return warmup.whenDone()
                .map(ready -> EventCodec.shared().decode(record))
                .flatMap(envelope -> handle(envelope, recordTraceparent));
    }

    private Uni<Void> handle(Envelope<EventPayload> envelope, String recordTraceparent) {
        if (!(envelope.payload() instanceof OutboundLineMessage)) {
            LOG.debugf("Skipped event %s of type %s", envelope.eventId(), envelope.type());
            return Uni.createFrom().voidItem();
        }
        if (envelope.replay()) {
            LOG.debugf("Skipped replayed event %s: replays never write to LINE", envelope.eventId());
            return Uni.createFrom().voidItem();
        }
        if (!sentEvents.claim(envelope.eventId())) {
            LOG.infof("Skipped event %s: already sent", envelope.eventId());
            return Uni.createFrom().voidItem();
        }
        // Not made current: the sending continues on the HTTP client's threads. The calls to LINE and the reports
        // continue the context of this handling.
        TraceSpans.Started handling = spans.handle(Topics.OUTBOUND_LINE, recordTraceparent, envelope.traceparent());
        Envelope<OutboundLineMessage> outbound = envelope.as(OutboundLineMessage.class)
                .withTraceparent(handling.traceparent());
        String answered = outbound.payload().inReplyToMessageId();
        // The trace id is in the log line: the outcome is logged on the HTTP client's thread, where no log context
        // of this record exists.
        String traceId = TraceContext.traceIdOf(outbound.traceparent()).orElse("none");
        Uni<Outcome> outcome = answered != null && unsentMessages.contains(answered)
                ? Uni.createFrom().item(new Outcome(DeliveryStatus.SKIPPED, null, UNSENT))
                : sender.send(outbound.eventId(), outbound.traceparent(), outbound.payload());
        return outcome
                // A line per answer sent would be most of this service's log (its delivery report and audit-log turn
                // record it anyway): at debug; what was not sent at info.
                .invoke(result -> LOG.logf(result.status() == DeliveryStatus.SENT ? Logger.Level.DEBUG : Logger.Level.INFO,
                        "Outbound %s: %s by %s%s, trace %s", outbound.eventId(), result.status(), result.method(),
                        result.detail() == null ? "" : " (" + result.detail() + ")", traceId))
                .flatMap(result -> report(outbound, result))
                .onTermination().invoke((done, failure, cancelled) -> {
                    if (failure != null) {
                        handling.failed(failure);
                    }
                    handling.close();
                });
    }

    private Uni<Void> report(Envelope<OutboundLineMessage> outbound, Outcome outcome) {
        Instant now = Instant.now();
        List<Uni<Void>> publications = new ArrayList<>();
        publications.add(publisher.delivery(outbound.follow("delivery", now, new DeliveryReport(Channel.LINE,
                outbound.eventId(), outcome.status(), outcome.method(), outcome.detail()))));
        String status = outcome.status().name().toLowerCase(Locale.ROOT);
        publications.add(publisher.conversation(outbound.follow("delivery-turn", now, new ConversationTurn(
                TurnKind.DELIVERY, Channel.LINE, outbound.payload().to(), null, "system", null, null,
                outcome.method() == null ? status : status + ":" + outcome.method()))));
        if (outcome.status() == DeliveryStatus.FAILED) {
            // The customer did not get the answer: a person sees it, with the text that was not delivered.
            publications.add(publisher.handoff(outbound.follow("delivery-handoff", now, new HandoffRequest(
                    HANDOFF_REASON, null, null, String.join("\n\n", outbound.payload().texts())))));
        }
        return Uni.join().all(publications).andCollectFailures().replaceWithVoid();
    }
}
