package io.casedesk.linesimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's own API, for people and scripts: {@code POST /simulator/say}, {@code GET /simulator/chats/{userId}},
 * {@code GET /simulator/chats/{userId}/calls}, {@code POST /simulator/chats/{userId}/failures},
 * {@code GET /simulator/users}, {@code GET /simulator/health}.
 */
final class ControlApi implements HttpHandler {

    static final String PATH = "/simulator/";
    private static final String CHATS_PREFIX = "/simulator/chats/";
    private static final String CALLS_SUFFIX = "/calls";
    private static final String FAILURES_SUFFIX = "/failures";
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
            if (method.equals("GET") && path.equals("/simulator/health")) {
                Exchanges.respond(exchange, 200, Map.of("status", "UP"));
            } else if (method.equals("GET") && path.equals("/simulator/users")) {
                Exchanges.respond(exchange, 200, simulator.users());
            } else if (method.equals("GET") && path.startsWith(CHATS_PREFIX) && path.endsWith(CALLS_SUFFIX)) {
                Exchanges.respond(exchange, 200, simulator.calls(chatIdOf(path, CALLS_SUFFIX)));
            } else if (method.equals("POST") && path.startsWith(CHATS_PREFIX) && path.endsWith(FAILURES_SUFFIX)) {
                queueFailures(exchange, chatIdOf(path, FAILURES_SUFFIX));
            } else if (method.equals("GET") && path.startsWith(CHATS_PREFIX)) {
                Exchanges.respond(exchange, 200, simulator.chat(path.substring(CHATS_PREFIX.length())));
            } else if (method.equals("POST") && path.equals("/simulator/say")) {
                say(exchange);
            } else {
                error(exchange, 404, "No such endpoint: " + method + " " + path);
            }
        }
    }

    private void say(HttpExchange exchange) throws IOException {
        JsonNode request = Exchanges.readJsonObject(exchange);
        if (request == null || Json.text(request, "text") == null) {
            error(exchange, 400, "Expected a JSON object with 'text' and 'userId' or 'customerRef'");
            return;
        }
        Optional<String> userId = userId(request);
        if (userId.isEmpty()) {
            error(exchange, 404, "Unknown user: give a 'userId' or a 'customerRef' of the users bundle");
            return;
        }
        int waitSeconds = Math.max(0, Math.min(MAX_WAIT_SECONDS, request.path("waitSeconds").asInt(DEFAULT_WAIT_SECONDS)));
        try {
            Exchanges.respond(exchange, 200,
                    simulator.say(userId.get(), Json.text(request, "text"), Duration.ofSeconds(waitSeconds)));
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

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        Exchanges.respond(exchange, status, Map.of("error", message));
    }
}
