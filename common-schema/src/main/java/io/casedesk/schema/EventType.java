package io.casedesk.schema;

import java.util.Arrays;
import java.util.Optional;

/** Wire names of the payload types; the name is what the envelope's {@code type} holds. */
public enum EventType {
    INBOUND_MESSAGE("inbound.message", InboundMessage.class),
    TRIAGED_MESSAGE("triaged.message", TriagedMessage.class),
    OUTBOUND_LINE_MESSAGE("outbound.line.message", OutboundLineMessage.class),
    OUTBOUND_EMAIL_MESSAGE("outbound.email.message", OutboundEmailMessage.class),
    HANDOFF_REQUEST("handoff.request", HandoffRequest.class),
    DELIVERY_REPORT("delivery.report", DeliveryReport.class),
    CONVERSATION_TURN("conversation.turn", ConversationTurn.class),
    CONVERSATION_STATE("conversation.state", ConversationState.class),
    FIRM_CHANGED("firm.changed", FirmChanged.class);

    private final String wireName;
    private final Class<? extends EventPayload> payloadClass;

    EventType(String wireName, Class<? extends EventPayload> payloadClass) {
        this.wireName = wireName;
        this.payloadClass = payloadClass;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        if (payload instanceof UnknownPayload unknown) {
            throw new IllegalArgumentException("An unknown payload of type '" + unknown.type() + "' cannot be re-published");
        }
        return Arrays.stream(values()).filter(t -> t.payloadClass.isInstance(payload)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unregistered payload " + payload.getClass()));
    }
}
