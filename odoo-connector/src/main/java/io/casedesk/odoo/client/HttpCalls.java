package io.casedesk.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One JSON POST to Odoo; network failures and timeouts become transient {@link OdooException}s. */
final class HttpCalls {

    record Answer(int status, String contentType, byte[] body) {
        boolean isJson() {
            return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
        }

        JsonNode json() {
            try {
                return OdooClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new OdooException("Odoo answered HTTP " + status + " with a body that is not JSON", null, status,
                        status >= 500, null);
            }
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    HttpCalls(Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
    }

    Answer post(URI uri, Map<String, String> headers, Object body, String what) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "CaseDesk odoo-connector")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(OdooClient.JSON.writeValueAsBytes(body)));
            headers.forEach(request::header);
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw OdooException.unreachable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OdooException.unreachable(what, e);
        }
    }

    /** A proxy's answer for an Odoo that is down, restarting or overloaded. */
    static boolean isPassing(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
