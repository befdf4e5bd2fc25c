package io.casedesk.classifier.support;

import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Inbound events as ingress-line would publish them, each with fresh ids. */
public final class TestEvents {

    public static Envelope<InboundMessage> inbound(String text) {
        return inbound(ConversationIds.line("Ubot", "U" + UUID.randomUUID().toString().replace("-", "")), text);
    }

    public static Envelope<InboundMessage> inbound(String conversationId, String text) {
        Instant now = Instant.now();
        InboundMessage message = new InboundMessage(Channel.LINE, MessageKind.TEXT, "Ucustomer", null, "zh-TW", text,
                List.of(), now, null, null);
        return Envelope.of(EventIds.lineInbound(UUID.randomUUID().toString()), now, conversationId, null, null, message);
    }

    private TestEvents() {
    }
}
