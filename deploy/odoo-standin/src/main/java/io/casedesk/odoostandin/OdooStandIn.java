package io.casedesk.odoostandin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A stand-in for an Odoo server: the external JSON-RPC endpoint ({@code /jsonrpc}) and the JSON-2 API
 * ({@code /json/2/<model>/<method>}) over an in-memory {@link RecordStore}. Usable in-process (tests) or as a
 * process ({@link OdooStandInMain}). It listens on loopback only.
 * <p>
 * For tests it can play an Odoo that is down or slow ({@link #fault}): every protocol call then answers 503, as
 * a reverse proxy does in front of a stopped Odoo, or waits before answering. {@code GET /standin/health} and
 * {@code POST /standin/fault} ({@code {"mode":"unavailable"|"none","delayMillis":n}}) do the same over HTTP.
 */
public final class OdooStandIn implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OdooStandIn.class.getName());
    /** The uid of the stand-in's one user, as the first user created in an Odoo database has. */
    static final long UID = 2;

    /** How the stand-in misbehaves, for tests of a connector's retries. */
    public record Fault(boolean unavailable, Duration delay) {
        public static final Fault NONE = new Fault(false, Duration.ZERO);

        public static Fault unavailableFault() {
            return new Fault(true, Duration.ZERO);
        }

        public static Fault slow(Duration delay) {
            return new Fault(false, delay);
        }
    }

    private final StandInConfig config;
    private final RecordStore store;
    private final Methods methods;
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile Fault fault = Fault.NONE;

    private OdooStandIn(StandInConfig config, RecordStore store) throws IOException {
        this.config = config;
        this.store = store;
        this.methods = new Methods(store);
        JsonRpcHandler jsonRpc = new JsonRpcHandler(config, methods);
        Json2Handler json2 = new Json2Handler(config, methods);
        this.executor = Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "odoo-standin");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
        server.createContext("/jsonrpc", exchange -> protocol(exchange, jsonRpc::handle));
        server.createContext(Json2Handler.PREFIX, exchange -> protocol(exchange, json2::handle));
        server.createContext("/json/2", exchange -> protocol(exchange, json2::handle));
        server.createContext("/web/version", exchange -> guarded(exchange, e -> Exchanges.json(e, 200,
                Map.of("version", "17.0", "version_info", List.of(17, 0, 0, "final", 0, "")))));
        server.createContext("/standin/", exchange -> guarded(exchange, this::control));
        server.setExecutor(executor);
    }

    /** Starts an empty stand-in (plus what every Odoo database has). */
    public static OdooStandIn start(StandInConfig config) {
        return start(config, new RecordStore());
    }

    public static OdooStandIn start(StandInConfig config, RecordStore store) {
        try {
            OdooStandIn standIn = new OdooStandIn(config, store);
            standIn.server.start();
            LOG.info(() -> "Odoo stand-in listening on " + standIn.baseUrl() + " (" + config + ")");
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Odoo stand-in on port " + config.port(), e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public StandInConfig config() {
        return config;
    }

    /** The records, to load data or to look at what a client wrote. */
    public RecordStore store() {
        return store;
    }

    public void fault(Fault newFault) {
        this.fault = newFault;
    }

    /** How many times each ORM method was called over either protocol. */
    public Map<String, Long> calls() {
        return methods.calls();
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void protocol(HttpExchange exchange, Handler handler) throws IOException {
        Fault current = fault;
        if (!current.delay().isZero()) {
            try {
                Thread.sleep(current.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (current.unavailable()) {
            exchange.getRequestBody().readAllBytes();
            Exchanges.send(exchange, 503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            exchange.close();
            return;
        }
        guarded(exchange, handler);
    }

    private static void guarded(HttpExchange exchange, Handler handler) {
        try {
            handler.handle(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Request to " + exchange.getRequestURI().getPath() + " failed: "
                    + e.getClass().getSimpleName());
            try {
                Exchanges.text(exchange, 500, "Internal Server Error");
            } catch (IOException | RuntimeException ignored) {
                // The answer may already have been started.
            }
        } finally {
            exchange.close();
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/standin/health" -> Exchanges.json(exchange, 200, Map.of("status", "UP"));
            case "/standin/stats" -> {
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("records", store.counts());
                stats.put("calls", calls());
                Exchanges.json(exchange, 200, stats);
            }
            case "/standin/chatter" -> {
                // The newest chatter messages, for a person looking at what a connector wrote.
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                List<Object> domain = new java.util.ArrayList<>();
                if (query.containsKey("model")) {
                    domain.add(List.of("model", "=", query.get("model")));
                }
                if (query.containsKey("res_id")) {
                    domain.add(List.of("res_id", "=", Long.parseLong(query.get("res_id"))));
                }
                Exchanges.json(exchange, 200, store.searchRead("mail.message", domain,
                        List.of("model", "res_id", "record_name", "body", "message_id", "date"), 0, 50, "id desc",
                        Map.of()));
            }
            case "/standin/fault" -> {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    Exchanges.text(exchange, 405, "POST only");
                    return;
                }
                Map<String, Object> body = Json.MAPPER.readValue(exchange.getRequestBody(), Exchanges.MAP);
                boolean unavailable = "unavailable".equals(body.get("mode"));
                long delay = body.get("delayMillis") instanceof Number n ? n.longValue() : 0;
                fault(new Fault(unavailable, Duration.ofMillis(delay)));
                Exchanges.json(exchange, 200, Map.of("mode", unavailable ? "unavailable" : "none", "delayMillis", delay));
            }
            default -> Exchanges.text(exchange, 404, "Not Found");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(java.net.URLDecoder.decode(pair.substring(0, equals), java.nio.charset.StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
