package io.casedesk.responder.messaging;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Answers the case-service calls the responder makes (the writer with their cases, the articles), in
 * case-service's JSON shapes, for one known LINE user (C-1001) with one open case. Anything else is 404, as
 * case-service answers unknown identities.
 */
public class CaseServiceStandIn implements QuarkusTestResourceLifecycleManager {

    static final String KNOWN_LINE_USER = "Uf0d4b5d7bf148e3c5849974bb722897c";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            boolean authorized = "Bearer test-responder-key".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            String body = !authorized ? null
                    : path.equals("/api/v1/identities/line/" + KNOWN_LINE_USER + "/customer") ? """
                        {"customerRef":"C-1001","name":"張志明","language":"zh-Hant",
                         "salutation":{"zh-Hant":"張先生","en":"Mr. Chang"},"vip":false,"verified":true,
                         "cases":[{"number":"2026-FAM-0142","title":"離婚訴訟","type":"family_litigation",
                          "status":"awaiting_court","stage":"等待言詞辯論","assignee":"林律師","openedAt":"2026-03-02",
                          "nextStep":{"date":"2026-12-03","description":"言詞辯論期日"},
                          "outstandingFee":{"amount":30000,"currency":"TWD"}}]}"""
                    : path.equals("/api/v1/articles") ? "[]"
                    : path.equals("/api/v1/firm") ? """
                        {"name":"明理法律事務所","timezone":"Asia/Taipei","languages":["zh-Hant","en"]}"""
                    : null;
            // Errors as case-service writes them: problem details.
            byte[] bytes = (body == null ? """
                    {"type":"urn:casedesk:problem:not_found","title":"Not Found","status":404,"error":"not_found"}"""
                    : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", body == null ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(!authorized ? 401 : body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return Map.of(
                "quarkus.rest-client.case-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "casedesk.case-service.key", "test-responder-key",
                // The records above were written for this date: the next step of 2026-12-03 is still to come.
                "casedesk.clock.start", "2026-11-20T10:00:00+08:00");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
