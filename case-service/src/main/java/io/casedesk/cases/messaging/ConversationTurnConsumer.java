package io.casedesk.cases.messaging;

import io.casedesk.cases.service.ConversationHistory;
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
import java.util.concurrent.Flow;

/**
 * Keeps the conversation history from {@code cs.conversation.v1}. A record that is not a CaseDesk envelope
 * fails here; the connector parks it on {@code cs.conversation.v1.dlq} and goes on. Events of other or
 * unknown types are skipped (tolerant reader). Redeliveries are harmless: storing is idempotent on the event id.
 */
@ApplicationScoped
public class ConversationTurnConsumer {

    private final KeyOrderedConsumers consumers;

    private static final Logger LOG = Logger.getLogger(ConversationTurnConsumer.class);

    private final ConversationHistory history;

    public ConversationTurnConsumer(ConversationHistory history, KeyOrderedConsumers consumers) {
        this.consumers = consumers;
        this.history = history;
    }

    /** The channel's records, handled concurrently and in order per conversation ({@link KeyOrderedConsumers}). */
    @Incoming("conversation-turns")
    public Flow.Subscriber<Message<String>> conversationTurnsRecords() {
        return consumers.of("conversation-turns", (value, metadata) -> consume(value));
    }

    void consume(String record) {
        Envelope<EventPayload> event;
        try {
            event = EventCodec.shared().decode(record);
        } catch (EventDecodingException e) {
            throw new RejectedRecordException(e);
        }
        if (!(event.payload() instanceof ConversationTurn)) {
            LOG.debugf("Skipping event %s of type %s", event.eventId(), event.type());
            return;
        }
        if (!history.record(event.as(ConversationTurn.class))) {
            LOG.debugf("Turn %s was stored already", event.eventId());
        }
    }
}
