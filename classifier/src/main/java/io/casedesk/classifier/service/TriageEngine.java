package io.casedesk.classifier.service;

import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Triage;

/**
 * Labels one inbound message (DESIGN §3). Implementations are chosen by {@code casedesk.classifier.engine}.
 * Every message gets a triage, also one without text (a follow, a sticker, an image), so the responder can
 * decide what to do with it.
 */
public interface TriageEngine {

    Triage triage(InboundMessage message);

    /** The name written into {@link Triage#engine()} and used in configuration, e.g. {@code local-rules}. */
    String name();
}
