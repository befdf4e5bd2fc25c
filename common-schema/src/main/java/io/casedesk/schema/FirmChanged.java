package io.casedesk.schema;

/**
 * The firm's data in case-service changed: its settings (name, tone, languages, service hours, out-of-hours texts),
 * its knowledge-base articles, or its customers and cases. Published to {@link Topics#FIRM} after the change
 * committed; services that cache firm data drop their copy, so a new firm's texts and articles take effect at once.
 *
 * @param settingsChanged  the firm's settings changed
 * @param articlesChanged  articles were added, changed or removed
 * @param articles         how many articles the firm has now
 */
public record FirmChanged(boolean settingsChanged, boolean articlesChanged, int articles) implements EventPayload {
}
