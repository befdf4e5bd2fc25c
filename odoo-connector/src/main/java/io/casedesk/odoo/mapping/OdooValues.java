package io.casedesk.odoo.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading Odoo's field values: {@code false} for empty, {@code [id, name]} for a many2one, a list of ids for x2many. */
public final class OdooValues {

    public static Optional<String> text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull() || value.isBoolean() && !value.asBoolean()) {
            return Optional.empty();
        }
        if (value.isArray()) {
            // A many2one: its display name.
            return value.size() == 2 ? Optional.of(value.get(1).asText()).filter(s -> !s.isBlank()) : Optional.empty();
        }
        String text = value.asText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public static Optional<Long> many2oneId(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value != null && value.isArray() && !value.isEmpty()) {
            return Optional.of(value.get(0).asLong());
        }
        if (value != null && value.isIntegralNumber()) {
            return Optional.of(value.asLong());
        }
        return Optional.empty();
    }

    public static List<Long> ids(JsonNode record, String field) {
        List<Long> ids = new ArrayList<>();
        JsonNode value = record.get(field);
        if (value != null && value.isArray()) {
            value.forEach(id -> ids.add(id.asLong()));
        }
        return ids;
    }

    public static boolean bool(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && value.asBoolean(false);
    }

    /** {@code active}, true for models without it. */
    public static boolean active(JsonNode record) {
        JsonNode value = record.get("active");
        return value == null || value.asBoolean(true);
    }

    /** The date part of an Odoo date or datetime ({@code 2026-12-03} or {@code 2026-12-03 10:30:00}). */
    public static Optional<String> date(JsonNode record, String field) {
        return text(record, field).filter(t -> t.length() >= 10).map(t -> t.substring(0, 10));
    }

    private OdooValues() {
    }
}
