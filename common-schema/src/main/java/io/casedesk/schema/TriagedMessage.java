package io.casedesk.schema;

/**
 * An inbound message with its triage labels. Published to {@link Topics#TRIAGED}.
 *
 * @param embedding the classifier's sentence embedding of the text it read, for the responder to reuse; {@code null}
 *                  when the engine has none (rules, an external model) or the message no text
 */
public record TriagedMessage(InboundMessage inbound, Triage triage, TextEmbedding embedding) implements EventPayload {

    public TriagedMessage(InboundMessage inbound, Triage triage) {
        this(inbound, triage, null);
    }

    /** The same message and labels without the embedding, for events that only pass them on (a handoff request). */
    public TriagedMessage withoutEmbedding() {
        return embedding == null ? this : new TriagedMessage(inbound, triage);
    }
}
