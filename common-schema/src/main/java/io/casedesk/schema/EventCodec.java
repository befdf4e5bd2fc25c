package io.casedesk.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * JSON codec of the {@link Envelope}. A tolerant reader: unknown fields are ignored, unknown enum values
 * map to each enum's default, and an unknown event type decodes to an {@link UnknownPayload} instead of
 * failing. Thread-safe; one instance can be shared.
 */
public final class EventCodec {

    private static final EventCodec INSTANCE = new EventCodec();

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public static EventCodec shared() {
        return INSTANCE;
    }

    /** The mapper used for events, for callers that need to read or write event parts. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public String encode(Envelope<?> envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode event " + envelope.eventId(), e);
        }
    }

    public byte[] encodeToBytes(Envelope<?> envelope) {
        return encode(envelope).getBytes(StandardCharsets.UTF_8);
    }

    public Envelope<EventPayload> decode(byte[] json) {
        if (json == null) {
            throw new EventDecodingException("Empty record (null value)");
        }
        return decode(new String(json, StandardCharsets.UTF_8));
    }

    /**
     * Decodes one envelope.
     *
     * @throws EventDecodingException when the text is not JSON or lacks an envelope field; the message names
     *                                the problem but never quotes the payload
     */
    public Envelope<EventPayload> decode(String json) {
        if (json == null || json.isBlank()) {
            throw new EventDecodingException("Empty record");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("Record is not JSON" + where(e));
        }
        if (!(root instanceof ObjectNode envelope)) {
            throw new EventDecodingException("Record is not a JSON object");
        }
        // Envelope fields first, so the error names the first missing one whatever the payload holds.
        String eventId = requiredText(envelope, "eventId");
        String type = requiredText(envelope, "type");
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(requiredText(envelope, "occurredAt"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new EventDecodingException("Envelope field 'occurredAt' is not an ISO-8601 instant");
        }
        String conversationId = requiredText(envelope, "conversationId");
        JsonNode payloadNode = envelope.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw new EventDecodingException("Envelope has no payload object");
        }
        EventPayload payload = EventType.fromWireName(type)
                .<EventPayload>map(t -> readPayload(payloadNode, t))
                .orElseGet(() -> new UnknownPayload(type, payloadNode));
        JsonNode version = envelope.get("schemaVersion");
        return new Envelope<>(eventId, type,
                version == null ? Envelope.CURRENT_SCHEMA_VERSION : version.asInt(),
                occurredAt, conversationId,
                optionalText(envelope, "causationId"),
                optionalText(envelope, "traceparent"),
                envelope.path("replay").asBoolean(false),
                payload);
    }

    private EventPayload readPayload(JsonNode node, EventType type) {
        try {
            return mapper.treeToValue(node, type.payloadClass());
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("Payload of type '" + type.wireName() + "' is malformed" + where(e));
        }
    }

    /**
     * Where parsing failed: the field path, or line and column. Jackson's own message may quote the
     * record's content, which must not reach logs or dead-letter headers.
     */
    private static String where(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return " at " + mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
        }
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String requiredText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new EventDecodingException("Envelope field '" + field + "' is missing");
        }
        return value.asText();
    }

    private static String optionalText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
