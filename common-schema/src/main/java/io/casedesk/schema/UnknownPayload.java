package io.casedesk.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A payload whose type this reader does not know (a newer producer). Tolerant readers skip it; it is
 * never an error.
 */
public record UnknownPayload(String type, JsonNode raw) implements EventPayload {
}
