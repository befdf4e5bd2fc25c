package io.casedesk.handoff.mapping;

import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.TriagedMessage;
import io.casedesk.schema.TurnKind;

import java.time.Instant;

/** From a handoff request to the conversation turn that records it. */
public final class HandoffMapper {

    /** The audit log entry: the system handed the conversation to a person, for this reason. */
    public static Envelope<ConversationTurn> toTurn(Envelope<HandoffRequest> request, Instant now) {
        HandoffRequest handoff = request.payload();
        InboundMessage inbound = inbound(handoff);
        ConversationTurn turn = new ConversationTurn(TurnKind.HANDOFF, channel(request),
                inbound == null ? null : inbound.senderId(), handoff.customerRef(), "system", null,
                handoff.message() == null ? null : handoff.message().triage(), handoff.reason());
        return request.follow("handoff-turn", now, turn);
    }

    /** The customer's message that was handed off, {@code null} for a request without one. */
    public static InboundMessage inbound(HandoffRequest handoff) {
        TriagedMessage message = handoff.message();
        return message == null ? null : message.inbound();
    }

    /** Who wrote: the email's {@code From}, or the channel's sender id. */
    public static String identity(InboundMessage inbound) {
        if (inbound == null) {
            return null;
        }
        return inbound.email() != null && inbound.email().from() != null ? inbound.email().from() : inbound.senderId();
    }

    public static Channel channel(Envelope<HandoffRequest> request) {
        InboundMessage inbound = inbound(request.payload());
        return inbound != null && inbound.channel() != null ? inbound.channel()
                : ConversationIds.channelOf(request.conversationId());
    }

    private HandoffMapper() {
    }
}
