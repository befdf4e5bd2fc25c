package io.casedesk.ingress.line.mapping;

import io.casedesk.schema.InboundMessage;

import java.time.Instant;

/** What became of one webhook event: an inbound message, or nothing (with the reason). */
public sealed interface MappingResult {

    /**
     * @param eventId        the inbound event's id, {@code EventIds.lineInbound(idempotency key)}
     * @param conversationId {@code line:<destination>:<chat>}, the Kafka key
     * @param occurredAt     the event's timestamp
     */
    record Mapped(String eventId, String conversationId, Instant occurredAt, InboundMessage message)
            implements MappingResult {
    }

    /**
     * @param eventType LINE's event type, e.g. {@code beacon}
     * @param reason    {@code unknown_event}, {@code unknown_message_type}, {@code unknown_source} or {@code not_a_customer_message}
     */
    record Ignored(String eventType, String reason) implements MappingResult {
    }
}
