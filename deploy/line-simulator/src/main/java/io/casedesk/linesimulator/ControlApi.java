package io.casedesk.linesimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The simulator's own API, for people, scripts and its web page: {@code POST /simulator/say} (its webhook is
 * posted with a {@code traceparent}, the request's own when it has one, and the answer carries it as a header),
 * {@code GET /simulator/chats/{userId}}, {@code GET /simulator/chats/{userId}/calls},
 * {@code GET /simulator/chats/{userId}/events}, {@code POST /simulator/chats/{userId}/failures},
 * {@code GET /simulator/users}, {@code GET /simulator/info}, {@code GET /simulator/health},
 * {@code GET} and {@code PUT /simulator/api-delay}; and the web page
 * itself at {@code GET /simulator/}.
 */
final class ControlApi implements HttpHandler {

    static final String PATH = "/simulator/";
    private static final String CHATS_PREFIX = "/simulator/chats/";
    private static final String CALLS_SUFFIX = "/calls";
    private static final String FAILURES_SUFFIX = "/failures";
    private static final String EVENTS_SUFFIX = "/events";
    private static final String API_DELAY_PATH = "/simulator/api-delay";
    /** Longer than any real API call takes; a caller's HTTP client would give up first. */
    static final long MAX_API_DELAY_MILLIS = 60_000;
    /** LINE's limit for one text message. */
    static final int MAX_TEXT_LENGTH = 5000;
    /** LINE takes files up to 200 MB; the simulator keeps what it is sent in memory, so less. */
    static final int MAX_FILE_BYTES = 25 * 1024 * 1024;
    private static final Pattern LINE_USER_ID = Pattern.compile("U[0-9a-f]{32}");
    private static final int MAX_SCRIPTED_FAILURES = 100;
    private static final int DEFAULT_WAIT_SECONDS = 15;
    private static final int MAX_WAIT_SECONDS = 120;

    private final LineSimulator simulator;

    ControlApi(LineSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals(PATH)) {
                WebPage.serveIndex(exchange);
            } else if (method.equals("GET") && path.equals("/simulator/health")) {
                Exchanges.respond(exchange, 200, Map.of("status", "UP"));
            } else if (method.equals("GET") && path.equals("/simulator/info")) {
                info(exchange);
            } else if (method.equals("GET") && path.equals("/simulator/users")) {
                Exchanges.respond(exchange, 200, simulator.users());
            } else if (method.equals("GET") && path.startsWith(CHATS_PREFIX) && path.endsWith(CALLS_SUFFIX)) {
                Exchanges.respond(exchange, 200, simulator.calls(chatIdOf(path, CALLS_SUFFIX)));
            } else if (method.equals("GET") && path.startsWith(CHATS_PREFIX) && path.endsWith(EVENTS_SUFFIX)) {
                Exchanges.respond(exchange, 200, simulator.events(chatIdOf(path, EVENTS_SUFFIX)));
            } else if (method.equals("POST") && path.startsWith(CHATS_PREFIX) && path.endsWith(FAILURES_SUFFIX)) {
                queueFailures(exchange, chatIdOf(path, FAILURES_SUFFIX));
            } else if (method.equals("GET") && path.startsWith(CHATS_PREFIX)) {
                Exchanges.respond(exchange, 200, simulator.chat(path.substring(CHATS_PREFIX.length())));
            } else if (method.equals("GET") && path.equals(API_DELAY_PATH)) {
                apiDelay(exchange);
            } else if (method.equals("PUT") && path.equals(API_DELAY_PATH)) {
                setApiDelay(exchange);
            } else if (method.equals("POST") && path.equals("/simulator/say")) {
                say(exchange);
            } else {
                error(exchange, 404, "No such endpoint: " + method + " " + path);
            }
        }
    }

    private void say(HttpExchange exchange) throws IOException {
        JsonNode request = Exchanges.readJsonObject(exchange);
        String text = request == null ? null : Json.text(request, "text");
        ChatEvent.Sticker sticker = request == null ? null : sticker(request.path("sticker"));
        SentFile file;
        try {
            file = request == null ? null : file(request.path("file"));
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
            return;
        }
        if (text == null && sticker == null && file == null) {
            error(exchange, 400, "Expected a JSON object with 'text' (or 'sticker' with 'packageId' and 'stickerId', or "
                    + "'file' with 'name', 'mediaType' and 'base64') and 'userId' or 'customerRef'");
            return;
        }
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            error(exchange, 400, "'text' is longer than LINE's " + MAX_TEXT_LENGTH + " characters");
            return;
        }
        String givenUserId = Json.text(request, "userId");
        if (givenUserId != null && !LINE_USER_ID.matcher(givenUserId).matches()) {
            error(exchange, 400, "'userId' must be a LINE user id: U and 32 hex digits (0-9, a-f)");
            return;
        }
        Optional<String> userId = userId(request);
        if (userId.isEmpty()) {
            error(exchange, 404, "Unknown user: give a 'userId' or a 'customerRef' of the users bundle");
            return;
        }
        String traceparent = Json.text(request, "traceparent");
        if (traceparent != null && !LineIds.isTraceparent(traceparent)) {
            error(exchange, 400, "'traceparent' must be a W3C traceparent: 00-<32 hex>-<16 hex>-<2 hex>, lowercase");
            return;
        }
        int waitSeconds = Math.max(0, Math.min(MAX_WAIT_SECONDS, request.path("waitSeconds").asInt(DEFAULT_WAIT_SECONDS)));
        try {
            Webhook built = text != null ? simulator.textMessage(userId.get(), text)
                    : sticker != null ? simulator.stickerMessage(userId.get(), sticker)
                    : file.message(simulator, userId.get());
            Webhook webhook = traceparent != null ? built.withTraceparent(traceparent) : built;
            // The answer stays the list of the bot's messages; the trace the webhook started is a header.
            exchange.getResponseHeaders().set(MessagingApi.TRACEPARENT_HEADER, webhook.traceparent());
            Exchanges.respond(exchange, 200, simulator.say(webhook, Duration.ofSeconds(waitSeconds)));
        } catch (WebhookRejectedException e) {
            error(exchange, 502, e.getMessage());
        } catch (UncheckedIOException | IllegalStateException e) {
            error(exchange, 502, "The bot's webhook could not be reached: " + e.getMessage());
        }
    }

    /** {@code {"status": 429, "retryAfterSeconds": 1, "count": 2}}: the next sends to the chat fail so. */
    private void queueFailures(HttpExchange exchange, String chatId) throws IOException {
        JsonNode request = Exchanges.readJsonObject(exchange);
        int count = request == null ? 0 : request.path("count").asInt(1);
        if (request == null || !request.path("status").canConvertToInt() || count < 1 || count > MAX_SCRIPTED_FAILURES) {
            error(exchange, 400, "Expected a JSON object with 'status' (400-599), optional 'retryAfterSeconds' and 'count' (1-100)");
            return;
        }
        JsonNode retryAfter = request.path("retryAfterSeconds");
        ScriptedFailure failure;
        try {
            failure = new ScriptedFailure(request.path("status").asInt(),
                    retryAfter.canConvertToInt() ? retryAfter.asInt() : null);
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
            return;
        }
        simulator.failNext(chatId, count, failure);
        Exchanges.respond(exchange, 202, Map.of("chatId", chatId, "queued", count));
    }

    /** A sticker from {@code {"packageId": "11537", "stickerId": "52002734"}}, or {@code null}. */
    private static ChatEvent.Sticker sticker(JsonNode node) {
        String packageId = Json.text(node, "packageId");
        String stickerId = Json.text(node, "stickerId");
        return packageId == null || stickerId == null ? null : new ChatEvent.Sticker(packageId, stickerId);
    }

    /** A file a user sends: LINE makes images, videos and audio messages of their own kind, anything else a file message. */
    private record SentFile(String name, String mediaType, byte[] content) {

        Webhook message(LineSimulator simulator, String userId) {
            String kind = mediaType.substring(0, mediaType.indexOf('/'));
            return switch (kind) {
                case "image", "video", "audio" -> simulator.mediaMessage(userId, kind, mediaType, content);
                default -> simulator.fileMessage(userId, name, mediaType, content);
            };
        }
    }

    /** A file from {@code {"name": "scan.pdf", "mediaType": "application/pdf", "base64": "..."}}, or {@code null}. */
    private static SentFile file(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String name = Json.text(node, "name");
        String mediaType = Json.text(node, "mediaType");
        String base64 = Json.text(node, "base64");
        if (name == null || mediaType == null || !mediaType.matches("[\\w.+-]+/[\\w.+-]+") || base64 == null) {
            throw new IllegalArgumentException("'file' needs 'name', 'mediaType' (type/subtype) and 'base64'");
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'file.base64' is not base64");
        }
        if (content.length == 0 || content.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("'file' must hold 1 to " + MAX_FILE_BYTES + " bytes");
        }
        return new SentFile(name, mediaType.toLowerCase(Locale.ROOT), content);
    }

    /** {@code {"millis": 80}}: every Messaging API call from now on is answered after 80 ms. */
    private void setApiDelay(HttpExchange exchange) throws IOException {
        JsonNode request = Exchanges.readJsonObject(exchange);
        JsonNode millis = request == null ? null : request.path("millis");
        if (millis == null || !millis.canConvertToLong() || !millis.isIntegralNumber() || millis.asLong() < 0
                || millis.asLong() > MAX_API_DELAY_MILLIS) {
            error(exchange, 400, "Expected a JSON object with 'millis', a whole number from 0 to " + MAX_API_DELAY_MILLIS);
            return;
        }
        simulator.apiDelay(Duration.ofMillis(millis.asLong()));
        apiDelay(exchange);
    }

    /** The delay, the calls in flight now, and the most at one time and the connections used since it was set. */
    private void apiDelay(HttpExchange exchange) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("millis", simulator.apiDelay().toMillis());
        state.put("callsInFlight", simulator.apiCallsInFlight());
        state.put("peakCallsInFlight", simulator.peakApiCallsInFlight());
        state.put("connectionsUsed", simulator.apiConnectionsUsed());
        Exchanges.respond(exchange, 200, state);
    }

    /** What the web page shows about the bot and where the simulator sends webhooks. */
    private void info(HttpExchange exchange) throws IOException {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("botName", simulator.config().botName());
        info.put("destination", simulator.config().destination());
        info.put("webhookUrl", simulator.webhookUrl() == null ? null : simulator.webhookUrl().toString());
        info.put("users", simulator.users());
        Exchanges.respond(exchange, 200, info);
    }

    private static String chatIdOf(String path, String suffix) {
        return path.substring(CHATS_PREFIX.length(), path.length() - suffix.length());
    }

    private Optional<String> userId(JsonNode request) {
        String userId = Json.text(request, "userId");
        if (userId != null) {
            return Optional.of(userId);
        }
        String customerRef = Json.text(request, "customerRef");
        return customerRef == null ? Optional.empty()
                : simulator.userByCustomerRef(customerRef).map(SimulatedUser::userId);
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        Exchanges.respond(exchange, status, Map.of("error", message));
    }
}
