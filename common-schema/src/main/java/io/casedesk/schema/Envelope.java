package io.casedesk.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;

/**
 * The one wrapper every event travels in (DESIGN §2).
 *
 * @param eventId        deterministic id (see {@link EventIds}); consumers deduplicate on it
 * @param type           wire name of the payload, see {@link EventType}
 * @param schemaVersion  version of the payload's shape; only optional fields are ever added within one
 * @param occurredAt     when the fact happened (not when it was published)
 * @param conversationId Kafka key; keeps one conversation on one partition (see {@link ConversationIds})
 * @param causationId    the event that caused this one, {@code null} for channel input
 * @param traceparent    W3C trace context of the work that produced the event, may be {@code null}
 * @param replay         true when re-published by the replay tool: consumers must not cause channel writes
 * @param payload        the event itself
 */
public record Envelope<P extends EventPayload>(
        String eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String conversationId,
        String causationId,
        String traceparent,
        boolean replay,
        P payload) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope whose type is taken from the payload. */
    public static <P extends EventPayload> Envelope<P> of(String eventId, Instant occurredAt, String conversationId,
            String causationId, String traceparent, P payload) {
        return new Envelope<>(eventId, EventType.of(payload).wireName(), CURRENT_SCHEMA_VERSION, occurredAt,
                conversationId, causationId, traceparent, false, payload);
    }

    /** An envelope caused by this one: same conversation and trace, {@code eventId} derived for {@code purpose}. */
    public <Q extends EventPayload> Envelope<Q> follow(String purpose, Instant occurredAt, Q nextPayload) {
        return new Envelope<>(EventIds.derive(eventId, purpose), EventType.of(nextPayload).wireName(),
                CURRENT_SCHEMA_VERSION, occurredAt, conversationId, eventId, traceparent, replay, nextPayload);
    }

    /**
     * The same event in the trace context of its handling (see {@link TraceSpans#handle}): the events it causes
     * ({@link #follow}) then continue that context. Nothing else changes; the id stays the same.
     */
    public Envelope<P> withTraceparent(String handlingTraceparent) {
        return new Envelope<>(eventId, type, schemaVersion, occurredAt, conversationId, causationId,
                handlingTraceparent, replay, payload);
    }

    /** True when the payload's type was not known to this reader; such events are skipped, not failed. */
    @JsonIgnore
    public boolean isUnknownType() {
        return payload instanceof UnknownPayload;
    }

    /** The payload as {@code expected}, or an {@link IllegalArgumentException} naming both types. */
    public <Q extends EventPayload> Envelope<Q> as(Class<Q> expected) {
        if (!expected.isInstance(payload)) {
            throw new IllegalArgumentException(
                    "Event " + eventId + " has type '" + type + "', expected " + expected.getSimpleName());
        }
        @SuppressWarnings("unchecked")
        Envelope<Q> cast = (Envelope<Q>) this;
        return cast;
    }
}
