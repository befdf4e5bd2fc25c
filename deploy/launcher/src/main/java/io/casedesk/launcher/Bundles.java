package io.casedesk.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casedesk.launcher.probe.BusinessTime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** What the launcher reads from a firm's import bundle (DESIGN §7). */
final class Bundles {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode read(Path bundle) {
        try {
            JsonNode root = JSON.readTree(Files.readString(bundle));
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException(bundle + " is not an import bundle: a JSON object with firm, customers, "
                        + "cases and articles");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the bundle " + bundle + ": " + e.getMessage(), e);
        }
    }

    /** The bundle's {@code firm.name}; a bundle the stack starts with must name its firm. */
    static String firmName(Path bundle) {
        return firmName(read(bundle), bundle.toString());
    }

    static String firmName(JsonNode bundle, String where) {
        String name = bundle.path("firm").path("name").asText("").trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(where + " names no firm (firm.name): the stack starts with a firm's whole bundle");
        }
        return name;
    }

    /** The firm's time zone ({@code firm.timezone}), else Asia/Taipei, the default of the services. */
    static ZoneId firmZone(JsonNode bundle) {
        return BusinessTime.zoneOf(bundle);
    }

    /**
     * A business time: {@code 2026-12-07T09:30:00+08:00}, or {@code 2026-12-07T09:30} in the firm's time zone.
     */
    static OffsetDateTime clock(String text, ZoneId firmZone) {
        return BusinessTime.parse(text, firmZone).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not a time: write 2026-12-07T09:30 (the firm's time zone, " + firmZone + ") or "
                + "2026-12-07T09:30:00+08:00"));
    }

    private Bundles() {
    }
}
