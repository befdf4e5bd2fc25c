package io.casedesk.handoff.mapping;

import io.casedesk.handoff.service.HandoffEntry;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Triage;
import io.casedesk.schema.TriagedMessage;
import io.casedesk.schema.TurnKind;

import java.time.Instant;

/** From a handoff request to the inbox entry and to the conversation turn that records it. */
public final class HandoffMapper {

    public static HandoffEntry toEntry(Envelope<HandoffRequest> request) {
        HandoffRequest handoff = request.payload();
        InboundMessage inbound = inbound(handoff);
        Triage triage = handoff.message() == null ? null : handoff.message().triage();
        return new HandoffEntry(request.eventId(), request.conversationId(), request.occurredAt(), handoff.reason(),
                channel(request), handoff.customerRef(),
                triage == null ? null : triage.intent(),
                triage == null ? null : triage.emotion(),
                triage == null ? null : triage.urgency(),
                inbound == null ? null : inbound.text(),
                handoff.draftText());
    }

    /** The audit log entry: the system handed the conversation to a person, for this reason. */
    public static Envelope<ConversationTurn> toTurn(Envelope<HandoffRequest> request, Instant now) {
        HandoffRequest handoff = request.payload();
        InboundMessage inbound = inbound(handoff);
        ConversationTurn turn = new ConversationTurn(TurnKind.HANDOFF, channel(request),
                inbound == null ? null : inbound.senderId(), handoff.customerRef(), "system", null,
                handoff.message() == null ? null : handoff.message().triage(), handoff.reason());
        return request.follow("handoff-turn", now, turn);
    }

    private static InboundMessage inbound(HandoffRequest handoff) {
        TriagedMessage message = handoff.message();
        return message == null ? null : message.inbound();
    }

    private static Channel channel(Envelope<HandoffRequest> request) {
        InboundMessage inbound = inbound(request.payload());
        return inbound != null && inbound.channel() != null ? inbound.channel()
                : ConversationIds.channelOf(request.conversationId());
    }

    private HandoffMapper() {
    }
}
