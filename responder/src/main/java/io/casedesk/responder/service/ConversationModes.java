package io.casedesk.responder.service;

import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.ConversationMode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who owns each conversation, from the compacted {@code cs.conversation-state.v1}: while a person owns
 * one, the responder stays silent for it. The state of {@link ConversationIds#ALL_CONVERSATIONS} is the global switch:
 * {@code HUMAN} there pauses the bot for every conversation.
 */
@ApplicationScoped
public class ConversationModes {

    private final Map<String, ConversationMode> modes = new ConcurrentHashMap<>();

    public void update(String conversationId, ConversationMode mode) {
        if (mode == ConversationMode.BOT) {
            modes.remove(conversationId);
        } else {
            modes.put(conversationId, mode);
        }
    }

    /** True while a person owns the conversation, or while the bot is paused everywhere. */
    public boolean humanOwns(String conversationId) {
        return modes.get(ConversationIds.ALL_CONVERSATIONS) == ConversationMode.HUMAN
                || modes.get(conversationId) == ConversationMode.HUMAN;
    }
}
