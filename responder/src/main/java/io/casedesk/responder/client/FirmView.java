package io.casedesk.responder.client;

/** The firm's name and tone, as case-service holds them from the import bundle. */
public record FirmView(String name, String tone) {
}
