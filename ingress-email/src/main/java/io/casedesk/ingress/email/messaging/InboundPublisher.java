package io.casedesk.ingress.email.messaging;

import io.casedesk.messaging.EventRecords;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceSpans;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes what the mailbox reader found; every method returns only once the broker acknowledged. */
@ApplicationScoped
public class InboundPublisher {

    private final MutinyEmitter<String> inbound;
    private final MutinyEmitter<String> conversation;
    private final MutinyEmitter<String> deliveries;
    private final MutinyEmitter<String> quarantine;
    private final TraceSpans spans;

    InboundPublisher(@Channel("inbound") MutinyEmitter<String> inbound,
            @Channel("conversation") MutinyEmitter<String> conversation,
            @Channel("delivery") MutinyEmitter<String> deliveries,
            @Channel("inbound-quarantine") MutinyEmitter<String> quarantine, Tracer tracer) {
        this.spans = new TraceSpans(tracer);
        this.inbound = inbound;
        this.conversation = conversation;
        this.deliveries = deliveries;
        this.quarantine = quarantine;
    }

    /** The event and its turn go to their two topics at once; returns when both are acknowledged. */
    public void inbound(Envelope<InboundMessage> message, Envelope<ConversationTurn> turn) {
        Uni.combine().all()
                .unis(inbound.sendMessage(EventRecords.toRecord(message,
                                spans.publish(Topics.INBOUND, message.traceparent()))),
                        conversation.sendMessage(EventRecords.toRecord(turn,
                                spans.publish(Topics.CONVERSATION, turn.traceparent()))))
                .discardItems()
                .await().indefinitely();
    }

    public void delivery(Envelope<DeliveryReport> report) {
        deliveries.sendMessageAndAwait(EventRecords.toRecord(report,
                spans.publish(Topics.DELIVERY, report.traceparent())));
    }

    /** A pointer to a mail that stays in the mailbox, with the reason; never the mail itself. */
    public void quarantine(String key, String json) {
        quarantine.sendMessageAndAwait(Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()));
    }
}
