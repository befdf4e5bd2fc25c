package io.casedesk.linesimulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Reading and answering JSON over the JDK's HTTP server. */
final class Exchanges {

    /** The request body as a JSON object, or {@code null} when it is not one. */
    static JsonNode readJsonObject(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** LINE's error shape: {@code {"message": "..."}}. */
    static void error(HttpExchange exchange, int status, String message) throws IOException {
        respond(exchange, status, Map.of("message", message));
    }

    private Exchanges() {
    }
}
