package io.casedesk.schema;

/** An inbound message with its triage labels. Published to {@link Topics#TRIAGED}. */
public record TriagedMessage(InboundMessage inbound, Triage triage) implements EventPayload {
}
