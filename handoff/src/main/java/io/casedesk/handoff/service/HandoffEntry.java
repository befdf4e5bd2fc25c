package io.casedesk.handoff.service;

import io.casedesk.schema.Channel;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Urgency;

import java.time.Instant;

/**
 * One handoff as agents see it in the inbox. It carries the customer's text, since agents must read it;
 * triage fields are {@code null} when the request came without its triaged message.
 *
 * @param eventId   the handoff request's event id
 * @param draftText for policy {@code draft}: the answer an agent should approve, edit or reject
 */
public record HandoffEntry(
        String eventId,
        String conversationId,
        Instant occurredAt,
        String reason,
        Channel channel,
        String customerRef,
        Intent intent,
        Emotion emotion,
        Urgency urgency,
        String text,
        String draftText) {
}
