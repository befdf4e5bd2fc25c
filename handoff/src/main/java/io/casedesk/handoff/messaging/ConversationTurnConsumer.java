package io.casedesk.handoff.messaging;

import io.casedesk.handoff.service.ConversationLog;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.messaging.consumer.GroupCommit;
import io.casedesk.messaging.consumer.KeyOrderedConsumers;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.RejectedRecordException;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.Counter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads {@code cs.conversation.v1}: the last turns of each conversation and the counts behind the rates. The turns
 * waiting at a moment are followed in one transaction ({@link GroupCommit}); a record is acknowledged once its turn is.
 */
@ApplicationScoped
public class ConversationTurnConsumer {

    private final KeyOrderedConsumers consumers;

    private final GroupCommit<Envelope<ConversationTurn>> following;
    private final Counter deadLettered;

    ConversationTurnConsumer(ConversationLog log, HandoffMetrics metrics, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.following = consumers.groupCommit("conversation-turns",
                turns -> Retrying.run(turns.size() + " turns", () -> log.onTurns(turns)));
        this.deadLettered = metrics.deadLettered(Topics.CONVERSATION);
    }

    /** The channel's records, in order per conversation ({@link KeyOrderedConsumers}), followed in groups. */
    @Incoming("conversation-turns")
    public Flow.Subscriber<Message<String>> conversationTurnsRecords() {
        return consumers.ofAsync("conversation-turns", (value, metadata) -> onTurnRecord(value));
    }

    CompletionStage<Void> onTurnRecord(String record) {
        Envelope<EventPayload> envelope;
        try {
            envelope = EventCodec.shared().decode(record);
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
        // Replayed turns would count twice in the metrics; deliveries, drafts and states change nothing here.
        if (!(envelope.payload() instanceof ConversationTurn turn) || envelope.replay() || !ConversationLog.follows(turn)) {
            return CompletableFuture.completedFuture(null);
        }
        return GroupWrites.rejectedOnFailure(following.submit(envelope.as(ConversationTurn.class)), deadLettered);
    }
}
