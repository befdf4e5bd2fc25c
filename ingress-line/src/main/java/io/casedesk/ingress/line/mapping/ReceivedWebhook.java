package io.casedesk.ingress.line.mapping;

import com.linecorp.bot.webhook.model.Event;

import java.util.List;

/**
 * A parsed webhook body.
 *
 * @param destination the bot's user id the webhook was sent for
 */
public record ReceivedWebhook(String destination, List<ReceivedEvent> events) {

    public ReceivedWebhook {
        events = List.copyOf(events);
    }

    /**
     * One event of the body.
     *
     * @param type           the event's {@code type} as LINE wrote it, also for types the SDK does not know
     * @param idempotencyKey LINE's {@code webhookEventId}; for older payloads without one, a hash of the
     *                       event's JSON, so a redelivered copy gets the same key
     */
    public record ReceivedEvent(Event event, String type, String idempotencyKey) {
    }
}
