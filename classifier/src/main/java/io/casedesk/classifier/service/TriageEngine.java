package io.casedesk.classifier.service;

import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.TextEmbedding;
import io.casedesk.schema.Triage;

import java.util.List;

/**
 * Labels one inbound message (DESIGN §3). Implementations are chosen by {@code casedesk.classifier.engine}.
 * Every message gets a triage, also one without text (a follow, a sticker, an image), so the responder can
 * decide what to do with it.
 */
public interface TriageEngine {

    Triage triage(InboundMessage message);

    /** A triage, with the sentence embedding the engine read the message's text by when it has one to pass on. */
    record Reading(Triage triage, TextEmbedding embedding) {
    }

    /**
     * {@link #triage}, with the embedding it was read by, which the responder reuses for the same text instead of
     * computing it again; engines without one (rules, an external model) give {@code null}.
     */
    default Reading read(InboundMessage message) {
        return new Reading(triage(message), null);
    }

    /** Triages several messages, in order; engines that can work in batches (embeddings) override it. */
    default List<Triage> triageAll(List<InboundMessage> messages) {
        return messages.stream().map(this::triage).toList();
    }

    /** The name written into {@link Triage#engine()} and used in configuration, e.g. {@code local-rules}. */
    String name();
}
