package io.casedesk.infra.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A local HTTP server that speaks case-service's API ({@code /api/v1/…}) to the service under test, as a Quarkus
 * test resource. It checks the service's key and answers errors as case-service does, with RFC 9457 problem
 * details; a subclass gives the records its module's tests need ({@link #answer(String)}). C-1001 with their open
 * case is the customer both the responder's and handoff's tests know.
 * <pre>{@code @WithTestResource(MyCaseServiceStandIn.class)}</pre>
 */
public abstract class CaseServiceStandIn implements QuarkusTestResourceLifecycleManager {

    /** C-1001's LINE user id. */
    public static final String KNOWN_LINE_USER = "Uf0d4b5d7bf148e3c5849974bb722897c";
    /** C-1001's email address. */
    public static final String KNOWN_EMAIL = "chang.chihming@example.com";

    /** C-1001 as case-service answers a customer. */
    protected static final String KNOWN_CUSTOMER = """
            {"customerRef":"C-1001","name":"張志明","language":"zh-Hant",
             "salutation":{"zh-Hant":"張先生","en":"Mr. Chang"},"vip":false,"verified":true}""";

    /** C-1001's one case, open, with its next step on 2026-12-03 and a fee outstanding. */
    protected static final String KNOWN_CASE = """
            {"number":"2026-FAM-0142","title":"離婚訴訟","type":"family_litigation","status":"awaiting_court",
             "stage":"等待言詞辯論","assignee":"林律師","openedAt":"2026-03-02",
             "nextStep":{"date":"2026-12-03","description":"言詞辯論期日"},
             "outstandingFee":{"amount":30000,"currency":"TWD"}}""";

    private final String key;
    private HttpServer server;

    /** @param key the service key the service under test sends (as {@code Authorization: Bearer <key>}) */
    protected CaseServiceStandIn(String key) {
        this.key = key;
    }

    /**
     * The answer to an authorized request.
     *
     * @param path the request's path after {@code /api/v1}, e.g. {@code /firm}
     */
    protected abstract Answer answer(String path);

    /**
     * The answer to an authorized request that may write: by default, as to a read of the path.
     *
     * @param method the HTTP method, e.g. {@code PUT}
     * @param body   the request's body, empty when it has none
     */
    protected Answer answer(String method, String path, String body) {
        return answer(path);
    }

    /** The configuration this stand-in gives the service under test besides case-service's address and key. */
    protected Map<String, String> moreConfig() {
        return Map.of();
    }

    /** A customer as case-service answers it with their cases, e.g. for an identity's customer. */
    protected static String withCases(String customer, String... cases) {
        return customer.substring(0, customer.lastIndexOf('}')) + ",\"cases\":[" + String.join(",", cases) + "]}";
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/", exchange -> {
            boolean authorized = ("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            Answer answer = authorized
                    ? answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath().substring("/api/v1".length()),
                            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    : Answer.error(401);
            write(exchange, answer);
        });
        server.start();
        Map<String, String> config = new HashMap<>(moreConfig());
        config.put("quarkus.rest-client.case-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
        config.put("casedesk.case-service.key", key);
        return config;
    }

    private static void write(HttpExchange exchange, Answer answer) throws IOException {
        boolean problem = answer.json() == null;
        byte[] bytes = (problem ? problemDetails(answer.status()) : answer.json()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", problem ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** An error as case-service writes it, e.g. {@code not_found} for 404. */
    private static String problemDetails(int status) {
        String title = switch (status) {
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
        String error = title.toLowerCase(Locale.ROOT).replace(' ', '_');
        return """
                {"type":"urn:casedesk:problem:%s","title":"%s","status":%d,"error":"%s"}"""
                .formatted(error, title, status, error);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A status with a JSON body, or an error answered with problem details. */
    public record Answer(int status, String json) {

        public static Answer json(String json) {
            return new Answer(200, json);
        }

        public static Answer error(int status) {
            return new Answer(status, null);
        }
    }
}
