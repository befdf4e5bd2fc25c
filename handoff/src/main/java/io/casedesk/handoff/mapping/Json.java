package io.casedesk.handoff.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.casedesk.schema.EventCodec;

/** JSON text columns, written and read with the event codec's mapper. */
public final class Json {

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return EventCodec.shared().mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        return read(json, EventCodec.shared().mapper().getTypeFactory().constructType(type));
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json, EventCodec.shared().mapper().getTypeFactory().constructType(type));
    }

    private static <T> T read(String json, JavaType type) {
        if (json == null) {
            return null;
        }
        try {
            return EventCodec.shared().mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON column is unreadable", e);
        }
    }

    private Json() {
    }
}
