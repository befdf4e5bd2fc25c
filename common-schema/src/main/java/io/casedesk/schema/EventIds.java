package io.casedesk.schema;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic event ids (DESIGN §2): the same input always gets the same id, so a redelivered webhook,
 * a re-read email or a re-consumed record produces events that consumers recognise as duplicates.
 * Ids are name-based UUIDs, which LINE also accepts as {@code X-Line-Retry-Key}.
 */
public final class EventIds {

    /** The id of the inbound event for a LINE webhook event. */
    public static String lineInbound(String webhookEventId) {
        return nameBased("line-webhook-event", requireText(webhookEventId, "webhookEventId"));
    }

    /** The id of the inbound event for an email, from its {@code Message-ID} (angle brackets and case ignored). */
    public static String emailInbound(String mailbox, String messageId) {
        String normalized = requireText(messageId, "messageId").trim();
        if (normalized.startsWith("<") && normalized.endsWith(">")) {
            normalized = normalized.substring(1, normalized.length() - 1);
        }
        return nameBased("email-message", requireText(mailbox, "mailbox").toLowerCase(java.util.Locale.ROOT)
                + "\n" + normalized.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The id of an event derived from {@code parentEventId} for one {@code purpose}, e.g. the triage of an
     * inbound ({@code "triage"}) or its answer ({@code "answer"}).
     */
    public static String derive(String parentEventId, String purpose) {
        return nameBased("derived", requireText(parentEventId, "parentEventId") + "\n" + requireText(purpose, "purpose"));
    }

    private static String nameBased(String namespace, String name) {
        return UUID.nameUUIDFromBytes(("casedesk:" + namespace + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return value;
    }

    private EventIds() {
    }
}
