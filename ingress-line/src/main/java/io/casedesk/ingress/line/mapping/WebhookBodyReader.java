package io.casedesk.ingress.line.mapping;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.webhook.model.CallbackRequest;
import com.linecorp.bot.webhook.model.Event;
import io.casedesk.ingress.line.mapping.ReceivedWebhook.ReceivedEvent;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a webhook body (already signature-checked) into the LINE SDK's model, which maps event, source
 * and message types it does not know to its {@code Unknown*} classes instead of failing.
 * <p>
 * The SDK's {@code WebhookParser} is not used: it logs the raw body at debug level, and this service never
 * logs message text.
 */
@Singleton
public class WebhookBodyReader {

    private static final ObjectMapper LINE_MODEL = ModelObjectMapper.createNewObjectMapper();

    public ReceivedWebhook read(byte[] body) throws MalformedWebhookException {
        JsonNode root;
        CallbackRequest request;
        try {
            root = LINE_MODEL.readTree(body);
            if (root == null || !root.isObject() || !root.path("events").isArray()) {
                throw new MalformedWebhookException("Not a webhook: expected an object with an 'events' array");
            }
            // The SDK's model reads a null (or missing) event as a null element, which nothing after it expects.
            for (JsonNode event : root.get("events")) {
                if (!event.isObject()) {
                    throw new MalformedWebhookException("Not a webhook: every event must be an object");
                }
            }
            request = LINE_MODEL.treeToValue(root, CallbackRequest.class);
        } catch (JsonParseException e) {
            // Not Jackson's message: it can quote the body.
            throw new MalformedWebhookException("Not JSON");
        } catch (IOException e) {
            throw new MalformedWebhookException("Not a webhook: does not match LINE's webhook model");
        }
        JsonNode rawEvents = root.get("events");
        String destination = request.destination();
        if (!rawEvents.isEmpty() && (destination == null || destination.isBlank() || destination.contains(":"))) {
            throw new MalformedWebhookException("Not a webhook: events without a valid 'destination'");
        }
        List<ReceivedEvent> events = new ArrayList<>();
        for (int i = 0; i < request.events().size(); i++) {
            Event event = request.events().get(i);
            JsonNode raw = rawEvents.get(i);
            String key = event.webhookEventId() != null && !event.webhookEventId().isBlank()
                    ? event.webhookEventId()
                    : contentKey(destination, raw);
            events.add(new ReceivedEvent(event, raw.path("type").asText("unknown"), key));
        }
        return new ReceivedWebhook(destination, events);
    }

    private static String contentKey(String destination, JsonNode rawEvent) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((destination + "\n" + rawEvent).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
