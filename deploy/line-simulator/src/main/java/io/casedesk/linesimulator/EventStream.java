package io.casedesk.linesimulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * {@code GET /simulator/events}: every {@link ChatEvent} as Server-Sent Events, one long-lived response per
 * browser. A reconnecting browser sends {@code Last-Event-ID} and gets what it missed first (as does
 * {@code ?after=<id>}). A comment line every few seconds keeps proxies from closing the idle stream and
 * tells the server soon when the browser has gone; a browser too slow to keep up is disconnected and
 * catches up when it reconnects. Every stream starts with a {@code hello} event naming this simulator run,
 * so a page notices a restarted simulator (whose ids start again from 1) and starts over.
 */
final class EventStream implements HttpHandler {

    static final String PATH = "/simulator/events";
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** More open pages than one person has tabs; beyond this a stream is refused with 503. */
    static final int MAX_STREAMS = 64;
    private static final int QUEUE_LIMIT = 1000;
    private static final int RECONNECT_MILLIS = 2000;
    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());

    private final ChatEvents events;
    private final String hello;

    EventStream(ChatEvents events, String runId) {
        this.events = events;
        this.hello = "event: hello\ndata: {\"run\":\"" + runId + "\"}\n\n";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals(PATH)) {
                ControlApi.error(exchange, 404, "No such endpoint: " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + " (the event stream is GET " + PATH + ")");
                return;
            }
            Long after = lastEventId(exchange);
            if (after == null) {
                ControlApi.error(exchange, 400, "Last-Event-ID and 'after' must be an event id (a number from 0)");
                return;
            }
            if (events.listenerCount() >= MAX_STREAMS) {
                ControlApi.error(exchange, 503, "Too many open event streams (" + MAX_STREAMS + "); close some pages");
                return;
            }
            stream(exchange, after);
        }
    }

    private void stream(HttpExchange exchange, long after) throws IOException {
        BlockingQueue<ChatEvent> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
        AtomicBoolean overflowed = new AtomicBoolean();
        Consumer<ChatEvent> listener = event -> {
            if (!queue.offer(event)) {
                overflowed.set(true);
            }
        };
        List<ChatEvent> backlog = events.subscribe(listener, after);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "retry: " + RECONNECT_MILLIS + "\n: CaseDesk LINE simulator events\n\n" + hello);
            for (ChatEvent event : backlog) {
                write(out, format(event));
            }
            while (!overflowed.get()) {
                ChatEvent event = queue.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                write(out, event == null ? ": heartbeat\n\n" : format(event));
            }
            LOG.info("An event stream fell more than " + QUEUE_LIMIT + " events behind; closed it");
        } catch (IOException e) {
            // The browser went away: nothing to do but forget it.
        } catch (InterruptedException e) {
            // The simulator is stopping.
            Thread.currentThread().interrupt();
        } finally {
            events.unsubscribe(listener);
        }
    }

    private static String format(ChatEvent event) throws IOException {
        // JSON has no raw line breaks, so the event is one data line.
        return "id: " + event.id() + "\nevent: " + event.kind() + "\ndata: " + Json.MAPPER.writeValueAsString(event)
                + "\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The id to resume after: {@code Last-Event-ID}, else {@code ?after=}, else 0; {@code null} when not a number. */
    private static Long lastEventId(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        String query = exchange.getRequestURI().getRawQuery();
        if ((value == null || value.isBlank()) && query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("after=")) {
                    value = parameter.substring("after=".length());
                }
            }
        }
        if (value == null || value.isBlank()) {
            return 0L;
        }
        try {
            long id = Long.parseLong(value.trim());
            return id < 0 ? null : id;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
