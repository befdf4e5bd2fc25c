package io.casedesk.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Prints the bot's messages that the LINE simulator returned for one {@code say}. */
final class SayResult {

    private static final ObjectMapper JSON = new ObjectMapper();

    static void print(String simulatorAnswer, PrintWriter out) {
        JsonNode root;
        try {
            root = JSON.readTree(simulatorAnswer);
        } catch (IOException e) {
            throw new UncheckedIOException("The simulator's answer is not JSON", e);
        }
        JsonNode messages = root.isArray() ? root : root.path("replies");
        if (messages.isEmpty()) {
            out.println("bot: (no reply)");
            return;
        }
        for (JsonNode message : messages) {
            for (JsonNode text : message.path("texts")) {
                out.println("bot [" + message.path("method").asText("?") + "]: " + text.asText());
            }
        }
    }

    /** The request body of {@code POST /simulator/say}. */
    static String request(String who, String text) {
        var body = JSON.createObjectNode();
        body.put(who.startsWith("U") ? "userId" : "customerRef", who);
        body.put("text", text);
        body.put("waitSeconds", 20);
        return body.toString();
    }

    private SayResult() {
    }
}
