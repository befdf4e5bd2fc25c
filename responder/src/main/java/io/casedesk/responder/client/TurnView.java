package io.casedesk.responder.client;

import java.time.Instant;

/** One turn of a conversation's history: who ({@code customer}, {@code bot}, {@code agent:<name>}) said what. */
public record TurnView(String kind, String actor, String text, Instant occurredAt) {
}
