package io.casedesk.schema;

/**
 * The responder asks for a person. Published to {@link Topics#HANDOFF}.
 *
 * @param reason      machine-readable reason, e.g. {@code needs_human}, {@code low_confidence}, {@code grounding_failed}
 * @param customerRef the writer's customer, {@code null} when the identity is unknown
 * @param draftText   for policy {@code draft}: the answer an agent should approve, edit or reject
 */
public record HandoffRequest(
        String reason,
        TriagedMessage message,
        String customerRef,
        String draftText) implements EventPayload {
}
