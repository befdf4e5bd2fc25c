package io.casedesk.odoo.support;

import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventType;
import io.casedesk.schema.TurnKind;

import java.time.Instant;
import java.util.UUID;

/** Conversation turns as the services publish them to {@code cs.conversation.v1}. */
public final class Turns {

    public static Envelope<ConversationTurn> turn(String customerRef, TurnKind kind, String actor, String text,
            String detail) {
        String conversation = "line:Ucasedesk:" + (customerRef == null ? "stranger" : customerRef);
        return Envelope.of(UUID.randomUUID().toString(), Instant.now(), conversation, null, null,
                new ConversationTurn(kind, Channel.LINE, "U0000", customerRef, actor, text, null, detail));
    }

    public static Envelope<ConversationTurn> replayed(Envelope<ConversationTurn> turn) {
        return new Envelope<>(UUID.randomUUID().toString(), EventType.of(turn.payload()).wireName(),
                Envelope.CURRENT_SCHEMA_VERSION, turn.occurredAt(), turn.conversationId(), null, null, true,
                turn.payload());
    }

    public static String encode(Envelope<?> envelope) {
        return EventCodec.shared().encode(envelope);
    }

    private Turns() {
    }
}
