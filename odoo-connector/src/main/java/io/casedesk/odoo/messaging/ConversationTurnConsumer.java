package io.casedesk.odoo.messaging;

import io.casedesk.odoo.service.ChatterWriter;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.RejectedRecordException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code cs.conversation.v1} in its own group and stores each turn for the chatter ({@link ChatterWriter});
 * the offset is committed after the turn is stored, so a crash redelivers it and the outbox's event-id key makes
 * that harmless. Replayed turns are not written (they were, the first time). Records that are not CaseDesk
 * envelopes go to {@code cs.conversation.v1.dlq}.
 */
@ApplicationScoped
public class ConversationTurnConsumer {

    private static final Logger LOG = Logger.getLogger(ConversationTurnConsumer.class);
    private static final int ATTEMPTS = 3;

    private final ChatterWriter writer;
    private final Counter deadLettered;

    ConversationTurnConsumer(ChatterWriter writer, MeterRegistry registry) {
        this.writer = writer;
        this.deadLettered = Counter.builder("casedesk.dead.lettered").tag("topic", "cs.conversation.v1")
                .description("Records sent to a dead-letter topic").register(registry);
    }

    @Incoming("conversation-turns")
    @Blocking(ordered = true)
    public void onTurnRecord(String record) {
        try {
            Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
            if (envelope.payload() instanceof ConversationTurn && !envelope.replay()) {
                Envelope<ConversationTurn> turn = envelope.as(ConversationTurn.class);
                storeWithRetries(turn);
            }
        } catch (RuntimeException e) {
            deadLettered.increment();
            throw new RejectedRecordException(e);
        }
    }

    /** A database hiccup passes; the store is idempotent on the event id, so trying again is safe. */
    private void storeWithRetries(Envelope<ConversationTurn> turn) {
        long pause = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                writer.accept(turn);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("Storing turn %s failed (%s), attempt %d", turn.eventId(), e.getClass().getSimpleName(), attempt);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause *= 2;
            }
        }
    }
}
