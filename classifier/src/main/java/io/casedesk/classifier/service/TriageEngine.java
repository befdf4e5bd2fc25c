package io.casedesk.classifier.service;

import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Triage;

import java.util.List;

/**
 * Labels one inbound message (DESIGN §3). Implementations are chosen by {@code casedesk.classifier.engine}.
 * Every message gets a triage, also one without text (a follow, a sticker, an image), so the responder can
 * decide what to do with it.
 */
public interface TriageEngine {

    Triage triage(InboundMessage message);

    /** Triages several messages, in order; engines that can work in batches (embeddings) override it. */
    default List<Triage> triageAll(List<InboundMessage> messages) {
        return messages.stream().map(this::triage).toList();
    }

    /** The name written into {@link Triage#engine()} and used in configuration, e.g. {@code local-rules}. */
    String name();
}
