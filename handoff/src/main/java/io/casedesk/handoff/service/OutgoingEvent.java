package io.casedesk.handoff.service;

import io.casedesk.schema.Envelope;

/** An event handoff publishes, with the topic it goes to. */
public record OutgoingEvent(String topic, Envelope<?> envelope) {
}
