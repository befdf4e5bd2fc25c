package io.casedesk.responder.client;

import java.util.List;

/**
 * The firm as case-service holds it from the import bundle: its name and tone (for a model's prompt), its time zone
 * (what "today" is for a next step's date) and its languages, first the one it writes in by default.
 */
public record FirmView(String name, String tone, String timezone, List<String> languages) {

    public FirmView {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    public FirmView(String name, String tone) {
        this(name, tone, null, List.of());
    }
}
