package io.casedesk.cases.messaging;

import io.casedesk.cases.service.ConversationHistory;
import io.casedesk.messaging.consumer.GroupCommit;
import io.casedesk.messaging.consumer.KeyOrderedConsumers;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventDecodingException;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.RejectedRecordException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the conversation history from {@code cs.conversation.v1}. A record that is not a CaseDesk envelope
 * fails here; the connector parks it on {@code cs.conversation.v1.dlq} and goes on. Events of other or
 * unknown types are skipped (tolerant reader). Redeliveries are harmless: storing is idempotent on the event id.
 * Turns are stored in groups, one transaction for the turns waiting at that moment ({@link GroupCommit}); a record
 * is acknowledged once its turn is stored.
 */
@ApplicationScoped
public class ConversationTurnConsumer {

    private final KeyOrderedConsumers consumers;

    private static final Logger LOG = Logger.getLogger(ConversationTurnConsumer.class);

    private final GroupCommit<Envelope<ConversationTurn>> storing;

    public ConversationTurnConsumer(ConversationHistory history, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.storing = consumers.groupCommit("conversation-turns", turns -> {
            int stored = history.recordAll(turns);
            if (stored < turns.size()) {
                LOG.debugf("%d of %d turns were stored already", turns.size() - stored, turns.size());
            }
        });
    }

    /** The channel's records, in order per conversation ({@link KeyOrderedConsumers}), stored in groups. */
    @Incoming("conversation-turns")
    public Flow.Subscriber<Message<String>> conversationTurnsRecords() {
        return consumers.ofAsync("conversation-turns", (value, metadata) -> consume(value));
    }

    CompletionStage<Void> consume(String record) {
        Envelope<EventPayload> event;
        try {
            event = EventCodec.shared().decode(record);
        } catch (EventDecodingException e) {
            throw new RejectedRecordException(e);
        }
        if (!(event.payload() instanceof ConversationTurn)) {
            LOG.debugf("Skipping event %s of type %s", event.eventId(), event.type());
            return CompletableFuture.completedFuture(null);
        }
        return storing.submit(event.as(ConversationTurn.class));
    }
}
