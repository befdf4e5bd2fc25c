package io.casedesk.schema;

/**
 * Who owns a conversation right now. Published to the compacted {@link Topics#CONVERSATION_STATE},
 * keyed by conversation id, so its latest value is the current state.
 *
 * @param agent  the agent who owns it, when {@code HUMAN}
 * @param reason why the state changed, e.g. {@code handoff}, {@code agent_closed}, {@code inactivity}
 */
public record ConversationState(ConversationMode mode, String agent, String reason) implements EventPayload {
}
