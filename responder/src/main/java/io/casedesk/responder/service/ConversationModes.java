package io.casedesk.responder.service;

import io.casedesk.schema.ConversationMode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who owns each conversation, from the compacted {@code cs.conversation-state.v1}: while a person owns
 * one, the responder stays silent for it.
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

    public boolean humanOwns(String conversationId) {
        return modes.get(conversationId) == ConversationMode.HUMAN;
    }
}
