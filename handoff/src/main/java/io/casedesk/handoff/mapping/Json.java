package io.casedesk.handoff.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.casedesk.schema.EventCodec;

/** JSON text written with the event codec's mapper (the helpdesk connector's request bodies). */
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

    private Json() {
    }
}
