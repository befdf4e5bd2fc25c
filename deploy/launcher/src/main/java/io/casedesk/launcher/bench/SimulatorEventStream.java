package io.casedesk.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the LINE simulator's {@code GET /simulator/events} (Server-Sent Events) on a thread of its own and hands each
 * customer and bot event to a listener; reconnects after the last event seen when the stream ends.
 */
final class SimulatorEventStream implements AutoCloseable {

    /** One event: its kind ({@code customer}, {@code bot}, ...), chat, simulator time, texts and traceparent. */
    record Event(long id, String kind, String chatId, Instant at, List<String> texts, String traceparent) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI events;
    private final Consumer<Event> listener;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean closed;
    private volatile long lastId;
    private volatile int reconnects;
    private volatile Stream<String> open;

    SimulatorEventStream(URI simulator, Consumer<Event> listener) {
        this.events = simulator.resolve("/simulator/events");
        this.listener = listener;
        this.reader = new Thread(this::run, "bench-simulator-events");
        reader.setDaemon(true);
    }

    /** Starts reading and waits until the stream is open. */
    void start(Duration timeout) throws InterruptedException {
        reader.start();
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The LINE simulator's event stream did not open within " + timeout);
        }
    }

    int reconnects() {
        return reconnects;
    }

    private void run() {
        while (!closed) {
            try {
                HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(events)
                        .header("Last-Event-ID", Long.toString(lastId)).GET().build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException("HTTP " + response.statusCode());
                }
                open = response.body();
                connected.countDown();
                read(response.body());
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) {
                reconnects++;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void read(Stream<String> lines) {
        List<String> block = new ArrayList<>();
        try (lines) {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    dispatch(block);
                    block.clear();
                } else {
                    block.add(line);
                }
            });
        }
    }

    private void dispatch(List<String> block) {
        String kind = null;
        String data = null;
        long id = -1;
        for (String line : block) {
            if (line.startsWith("event: ")) {
                kind = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data = line.substring(6);
            } else if (line.startsWith("id: ")) {
                id = Long.parseLong(line.substring(4).trim());
            }
        }
        if (id > lastId) {
            lastId = id;
        }
        if (data == null || kind == null || !(kind.equals("customer") || kind.equals("bot"))) {
            return;
        }
        Event event = parse(id, kind, data);
        if (event != null) {
            listener.accept(event);
        }
    }

    static Event parse(long id, String kind, String data) {
        try {
            JsonNode node = JSON.readTree(data);
            List<String> texts = new ArrayList<>();
            node.path("texts").forEach(text -> texts.add(text.asText()));
            JsonNode traceparent = node.path("traceparent");
            return new Event(id, kind, node.path("chatId").asText(), Instant.parse(node.path("at").asText()), texts,
                    traceparent.isTextual() ? traceparent.asText() : null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> stream = open;
        if (stream != null) {
            stream.close();
        }
        reader.interrupt();
    }
}
