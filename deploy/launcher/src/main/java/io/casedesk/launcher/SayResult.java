package io.casedesk.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

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

    /** The simulator's request to send a file; its media type as the system reads it from the name, else bytes. */
    static String fileRequest(String who, Path file) throws IOException {
        var body = JSON.createObjectNode();
        body.put(who.startsWith("U") ? "userId" : "customerRef", who);
        String mediaType = Files.probeContentType(file);
        body.putObject("file").put("name", file.getFileName().toString())
                .put("mediaType", mediaType == null ? "application/octet-stream" : mediaType)
                .put("base64", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
        body.put("waitSeconds", 20);
        return body.toString();
    }

    private SayResult() {
    }
}
