package io.casedesk.handoff.messaging;

import io.casedesk.handoff.lifecycle.CustomerMessages;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.messaging.consumer.GroupCommit;
import io.casedesk.messaging.consumer.KeyOrderedConsumers;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.RejectedRecordException;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads {@code cs.inbound.v1} in handoff's own group: a customer's message joins the conversation's open
 * ticket live, and an answer to the rating question is recorded. Most messages belong to no ticket: the messages
 * waiting at a moment are screened in one query ({@link GroupCommit}), and only those of conversations with a ticket
 * are handled, each in a transaction of its own.
 */
@ApplicationScoped
public class InboundConsumer {

    private final KeyOrderedConsumers consumers;

    private final CustomerMessages messages;
    private final GroupCommit<Envelope<InboundMessage>> screening;
    private final Counter deadLettered;

    InboundConsumer(CustomerMessages messages, HandoffMetrics metrics, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.messages = messages;
        this.screening = consumers.groupCommit("inbound",
                group -> Retrying.run(group.size() + " inbound messages", () -> follow(group)));
        this.deadLettered = metrics.deadLettered(Topics.INBOUND);
    }

    /** The channel's records, in order per conversation ({@link KeyOrderedConsumers}), screened in groups. */
    @Incoming("inbound")
    public Flow.Subscriber<Message<String>> inboundRecords() {
        return consumers.ofAsync("inbound", (value, metadata) -> onInboundRecord(value));
    }

    CompletionStage<Void> onInboundRecord(String record) {
        Envelope<EventPayload> envelope;
        try {
            envelope = EventCodec.shared().decode(record);
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
        // A replayed message (./casedesk replay) is no new word from the customer.
        if (!(envelope.payload() instanceof InboundMessage inbound) || !inbound.answerable() || envelope.replay()) {
            return CompletableFuture.completedFuture(null);
        }
        return GroupWrites.rejectedOnFailure(screening.submit(envelope.as(InboundMessage.class)), deadLettered);
    }

    /**
     * A group's messages whose conversations have a ticket, in the group's order. A group that fails is tried again
     * item by item ({@link GroupCommit}); a message handled before the failure is recognised by its event id.
     */
    private void follow(List<Envelope<InboundMessage>> group) {
        Set<String> withTicket = messages.conversationsWithTicket(
                group.stream().map(Envelope::conversationId).toList());
        for (Envelope<InboundMessage> inbound : group) {
            if (withTicket.contains(inbound.conversationId())) {
                messages.onInbound(inbound);
            }
        }
    }
}
