package io.casedesk.handoff.messaging;

import io.casedesk.handoff.service.ConversationLog;
import io.casedesk.handoff.service.HandoffMetrics;
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
import java.util.concurrent.Flow;

/** Reads {@code cs.conversation.v1}: the last turns of each conversation and the counts behind the rates. */
@ApplicationScoped
public class ConversationTurnConsumer {

    private final KeyOrderedConsumers consumers;

    private final ConversationLog log;
    private final Counter deadLettered;

    ConversationTurnConsumer(ConversationLog log, HandoffMetrics metrics, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.log = log;
        this.deadLettered = metrics.deadLettered(Topics.CONVERSATION);
    }

    /** The channel's records, handled concurrently and in order per conversation ({@link KeyOrderedConsumers}). */
    @Incoming("conversation-turns")
    public Flow.Subscriber<Message<String>> conversationTurnsRecords() {
        return consumers.of("conversation-turns", (value, metadata) -> onTurnRecord(value));
    }

    void onTurnRecord(String record) {
        try {
            Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
            // Replayed turns would count twice in the metrics.
            if (envelope.payload() instanceof ConversationTurn && !envelope.replay()) {
                Envelope<ConversationTurn> turn = envelope.as(ConversationTurn.class);
                Retrying.run("Turn " + turn.eventId(), () -> log.onTurn(turn));
            }
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
    }
}
