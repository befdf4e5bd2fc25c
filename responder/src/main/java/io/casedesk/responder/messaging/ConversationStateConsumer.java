package io.casedesk.responder.messaging;

import io.casedesk.responder.service.ConversationModes;
import io.casedesk.schema.ConversationState;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Follows the compacted {@code cs.conversation-state.v1}, so the bot is silent while a person answers. */
@ApplicationScoped
public class ConversationStateConsumer {

    private final ConversationModes modes;

    public ConversationStateConsumer(ConversationModes modes) {
        this.modes = modes;
    }

    @Incoming("conversation-state")
    public void consume(String record) {
        Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
        if (envelope.payload() instanceof ConversationState state) {
            modes.update(envelope.conversationId(), state.mode());
        }
    }
}
