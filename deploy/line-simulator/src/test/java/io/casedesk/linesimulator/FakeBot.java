package io.casedesk.linesimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A bot on this machine for the simulator to talk to: its webhook answers with what {@link Behaviour} says,
 * and it calls the simulator's Messaging API with the channel token as a real bot does.
 */
final class FakeBot implements AutoCloseable {

    @FunctionalInterface
    interface Behaviour {
        /** The HTTP status for this webhook; may call the simulator's API, best from another thread. */
        int answer(JsonNode webhook) throws Exception;
    }

    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile Behaviour behaviour = webhook -> 200;
    private volatile URI simulator;

    private FakeBot() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/line/webhook", exchange -> {
            int status;
            try {
                JsonNode webhook = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
                received.add(webhook);
                status = behaviour.answer(webhook);
            } catch (Exception e) {
                status = 500;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static FakeBot start() {
        try {
            return new FakeBot();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/line/webhook");
    }

    /** The simulator whose Messaging API {@link #push} and {@link #startLoading} call. */
    FakeBot talkingTo(LineSimulator line) {
        this.simulator = line.baseUrl();
        return this;
    }

    void behave(Behaviour next) {
        this.behaviour = next;
    }

    /** Pushes text messages to {@code to} (with a sender name when not {@code null}); returns the status. */
    int push(String to, String senderName, String... texts) throws Exception {
        StringBuilder messages = new StringBuilder();
        for (String text : texts) {
            messages.append(messages.isEmpty() ? "" : ",").append("{\"type\":\"text\",\"text\":")
                    .append(Json.MAPPER.writeValueAsString(text))
                    .append(senderName == null ? "" : ",\"sender\":{\"name\":" + Json.MAPPER.writeValueAsString(senderName) + "}")
                    .append('}');
        }
        return call("/v2/bot/message/push", "{\"to\":\"" + to + "\",\"messages\":[" + messages + "]}");
    }

    int startLoading(String chatId, int seconds) throws Exception {
        return call("/v2/bot/chat/loading/start", "{\"chatId\":\"" + chatId + "\",\"loadingSeconds\":" + seconds + "}");
    }

    private int call(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(simulator.resolve(path))
                        .header("Authorization", "Bearer " + SimulatorConfig.DEV_CHANNEL_TOKEN)
                        .header("Content-Type", "application/json")
                        .header("X-Line-Retry-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Runs {@code action} shortly, on its own thread, as a bot answers after acknowledging the webhook. */
    static void later(ThrowingRunnable action) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(100);
                action.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "fake-bot");
        thread.setDaemon(true);
        thread.start();
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
