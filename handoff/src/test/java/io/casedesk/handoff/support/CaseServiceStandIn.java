package io.casedesk.handoff.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Answers the case-service calls handoff makes, in case-service's JSON shapes: two known LINE users (one a
 * VIP), one known email address, their cases, and the firm with its service hours. A user whose id starts
 * with {@code Ufail} gets 503, as an unavailable case-service would answer; anything else is 404.
 */
public class CaseServiceStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String KEY = "test-handoff-key";
    public static final String KNOWN_LINE_USER = "Uf0d4b5d7bf148e3c5849974bb722897c";
    public static final String VIP_LINE_USER = "Ud00b7cb4712c0c8fa9491be21ac157df";
    public static final String KNOWN_EMAIL = "chang.chihming@example.com";
    public static final String FAILING_PREFIX = "Ufail";

    /** The firm's Traditional Chinese out-of-hours text; a test changes it as an import of another firm would. */
    public static volatile String outOfHoursTextZhHant = "目前為非服務時間，我們將於下個服務時段回覆。";

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
            boolean authorized = ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            int status = 200;
            String body = null;
            if (!authorized) {
                status = 401;
            } else if (path.startsWith("/api/v1/identities/line/" + FAILING_PREFIX)) {
                status = 503;
            } else if (path.equals("/api/v1/identities/line/" + KNOWN_LINE_USER)
                    || path.equals("/api/v1/identities/email/" + KNOWN_EMAIL)) {
                body = """
                        {"customerRef":"C-1001","name":"張志明","language":"zh-Hant",
                         "salutation":{"zh-Hant":"張先生","en":"Mr. Chang"},"vip":false,"verified":true}""";
            } else if (path.equals("/api/v1/identities/line/" + VIP_LINE_USER)) {
                body = """
                        {"customerRef":"C-1003","name":"陳美玲","language":"zh-Hant","salutation":{},"vip":true,"verified":true}""";
            } else if (path.equals("/api/v1/customers/C-1001/cases")) {
                body = """
                        [{"number":"2026-FAM-0142","title":"離婚訴訟","type":"family_litigation","status":"awaiting_court",
                          "stage":"等待言詞辯論","assignee":"林律師","openedAt":"2026-03-02",
                          "nextStep":{"date":"2026-12-03","description":"言詞辯論期日"},
                          "outstandingFee":{"amount":30000,"currency":"TWD"}}]""";
            } else if (path.equals("/api/v1/customers/C-1003/cases")) {
                body = "[]";
            } else if (path.equals("/api/v1/firm")) {
                body = """
                        {"name":"明理法律事務所","timezone":"Asia/Taipei","languages":["zh-Hant","en"],"tone":"",
                         "serviceHours":{"weekly":[
                            {"days":["MON","TUE","WED","THU","FRI"],"from":"09:00","to":"12:00"},
                            {"days":["MON","TUE","WED","THU","FRI"],"from":"10:00","to":"12:00"},
                            {"days":["MON","TUE","WED","THU","FRI"],"from":"13:00","to":"18:00"},
                            {"days":["MON","TUE","WED","THU","FRI"],"from":"15:00","to":"17:00"}],
                          "dated":[{"date":"2026-12-25","closed":true}]},
                         "outOfHoursText":{"zh-Hant":"%s",
                                           "en":"We are closed now and will reply in the next service period."}}"""
                        .formatted(outOfHoursTextZhHant);
            } else {
                status = 404;
            }
            // Errors as case-service writes them: problem details.
            byte[] bytes = (body == null ? """
                    {"type":"urn:casedesk:problem:not_found","title":"Not Found","status":404,"error":"not_found"}"""
                    : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", body == null ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return Map.of(
                "quarkus.rest-client.case-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "casedesk.case-service.key", KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
