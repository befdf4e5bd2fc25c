package io.casedesk.handoff.support;

import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Triage;
import io.casedesk.schema.TriagedMessage;
import io.casedesk.schema.Urgency;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Handoff requests as the responder would publish them, each with fresh ids. */
public final class TestEvents {

    public static final String CUSTOMER_TEXT = "你們太不專業了，我要投訴";

    public static Envelope<HandoffRequest> handoff() {
        return handoff(ConversationIds.line("Ubot", "U" + UUID.randomUUID().toString().replace("-", "")));
    }

    public static Envelope<HandoffRequest> handoff(String conversationId) {
        Instant now = Instant.now();
        InboundMessage inbound = new InboundMessage(Channel.LINE, MessageKind.TEXT, "Ucustomer", null, "zh-TW",
                CUSTOMER_TEXT, List.of(), now, null, null);
        Triage triage = new Triage(Intent.COMPLAINT, Emotion.ANGRY, Urgency.MEDIUM, true, "zh-Hant",
                Map.of("intent", 0.8), "local-rules", List.of("needs_human:angry_complaint"));
        String inboundId = EventIds.lineInbound(UUID.randomUUID().toString());
        HandoffRequest request = new HandoffRequest("needs_human", new TriagedMessage(inbound, triage), "C-001", null);
        return Envelope.of(EventIds.derive(inboundId, "handoff"), now, conversationId, EventIds.derive(inboundId, "triage"),
                null, request);
    }

    private TestEvents() {
    }
}
