package io.casedesk.schema;

/**
 * The body of an {@link Envelope}. Each implementation is registered in {@link EventType}, which gives
 * the wire name written into the envelope's {@code type}.
 */
public sealed interface EventPayload
        permits InboundMessage, TriagedMessage, OutboundLineMessage, OutboundEmailMessage, HandoffRequest,
                DeliveryReport, ConversationTurn, ConversationState, FirmChanged, UnknownPayload {
}
