package io.casedesk.responder.service;

import io.casedesk.schema.Envelope;

/** An event the responder publishes, with the topic it goes to. */
public record OutgoingEvent(String topic, Envelope<?> envelope) {
}
