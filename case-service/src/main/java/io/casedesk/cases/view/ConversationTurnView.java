package io.casedesk.cases.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.casedesk.cases.model.ConversationTurnEntry;

import java.time.Instant;

/** One turn of a customer's conversation history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationTurnView(String eventId, String conversationId, String kind, String channel,
                                   String identity, String actor, String text, String detail, Instant occurredAt) {

    public static ConversationTurnView of(ConversationTurnEntry turn) {
        return new ConversationTurnView(turn.eventId, turn.conversationId, turn.kind, turn.channel, turn.identity,
                turn.actor, turn.text, turn.detail, turn.occurredAt);
    }
}
