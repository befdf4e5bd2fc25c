package io.casedesk.responder.service;

import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Triage;

/**
 * Writes an answer to one message from its {@link AnswerContext} only (DESIGN §4). Chosen by
 * {@code casedesk.responder.engine}. Whatever an engine writes is grounding-checked before it is sent.
 */
public interface AnswerEngine {

    /** The engine's name, for metrics and the audit log. */
    String engineName();

    /**
     * Whether a model writes the answers: its time is then not the responder's own, and it is given the
     * conversation's latest turns and the firm's tone.
     */
    boolean usesModel();

    /**
     * @throws AnswerEngineUnavailableException when the engine cannot answer now (timeout, error, nonsense); the
     *                                          customer then gets the fallback text and a person takes over
     */
    Answer write(InboundMessage message, Intent intent, AnswerContext context, boolean discloseAutomation);

    /** The answer to a triaged message; an engine that reads a second request ({@link Triage#alsoAsks()}) overrides it. */
    default Answer write(InboundMessage message, Triage triage, AnswerContext context, boolean discloseAutomation) {
        return write(message, triage.intent(), context, discloseAutomation);
    }
}
