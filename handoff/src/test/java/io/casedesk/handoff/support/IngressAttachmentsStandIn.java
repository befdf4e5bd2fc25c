package io.casedesk.handoff.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ingresses' internal attachment endpoint ({@code GET /internal/attachments/{id}?source=}), as a real HTTP
 * server on loopback speaking its contract (ingress-line's and ingress-email's own tests run the real endpoints
 * against LINE and a mail server): the files the test put here, 401 without the key, 404 for others, and as many
 * 503 answers first as the test asks for. One server plays both ingresses.
 */
public class IngressAttachmentsStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String KEY = "test-attachments-key";
    /** The test profile's size limit. */
    public static final int MAX_BYTES = 64 * 1024;

    private record File(String mediaType, byte[] bytes) {
    }

    private static final Map<String, File> FILES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private HttpServer server;

    /** Serves {@code bytes} for the file {@code id} of the message {@code source}. */
    public static void put(String source, String id, String mediaType, byte[] bytes) {
        FILES.put(source + "|" + id, new File(mediaType, bytes));
    }

    /** The next {@code count} requests for the file answer 503. */
    public static void failNext(String source, String id, int count) {
        FAILURES.put(source + "|" + id, new AtomicInteger(count));
    }

    public static int requests() {
        return REQUESTS.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/attachments/", this::answer);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("casedesk.handoff.attachments.line-url", url,
                "casedesk.handoff.attachments.email-url", url,
                "casedesk.handoff.attachments.fetch-key", KEY,
                "casedesk.handoff.attachments.max-bytes", String.valueOf(MAX_BYTES),
                "casedesk.handoff.attachments.fetch-interval", "0.2s",
                "casedesk.handoff.attachments.backoff", "PT2S",
                // The tests purge when they want to, on their own clock.
                "casedesk.handoff.attachments.purge-interval", "off");
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            REQUESTS.incrementAndGet();
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String id = exchange.getRequestURI().getPath().substring("/internal/attachments/".length());
            String query = exchange.getRequestURI().getQuery();
            String source = query != null && query.startsWith("source=") ? query.substring("source=".length()) : "";
            String key = source + "|" + id;
            AtomicInteger failures = FAILURES.get(key);
            if (failures != null && failures.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            File file = FILES.get(key);
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", file.mediaType());
            exchange.sendResponseHeaders(200, file.bytes().length);
            exchange.getResponseBody().write(file.bytes());
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
