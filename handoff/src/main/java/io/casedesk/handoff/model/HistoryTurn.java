package io.casedesk.handoff.model;

import java.time.Instant;

/** One turn of the conversation before the handoff, as the ticket keeps it. */
public record HistoryTurn(Instant at, String kind, String actor, String text) {
}
