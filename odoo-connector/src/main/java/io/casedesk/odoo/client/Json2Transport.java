package io.casedesk.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Odoo's JSON-2 API ({@code POST /json/2/<model>/<method>}, Odoo 19 and later): {@code Authorization: bearer
 * <api key>}, {@code X-Odoo-Database} when a database is named, a JSON object of {@code ids}, {@code context} and
 * the method's arguments by name. Errors come with their HTTP status (401, 403, 404, 422, 500) and the serialized
 * exception as body.
 */
public final class Json2Transport implements OdooClient.Transport {

    private final String baseUrl;
    private final Map<String, String> headers;
    private final HttpCalls http;

    public Json2Transport(String baseUrl, String database, String apiKey, Duration connectTimeout, Duration timeout) {
        this.baseUrl = JsonRpcTransport.stripSlash(baseUrl);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "bearer " + apiKey);
        if (database != null && !database.isBlank()) {
            h.put("X-Odoo-Database", database);
        }
        this.headers = Map.copyOf(h);
        this.http = new HttpCalls(connectTimeout, timeout);
    }

    @Override
    public String describe() {
        return "JSON-2 " + baseUrl + "/json/2";
    }

    @Override
    public JsonNode call(String model, String method, List<Long> ids, LinkedHashMap<String, Object> args,
            int positional, Map<String, Object> context) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (ids != null) {
            body.put("ids", ids);
        }
        if (context != null && !context.isEmpty()) {
            body.put("context", context);
        }
        body.putAll(args);
        URI uri = URI.create(baseUrl + "/json/2/" + URLEncoder.encode(model, StandardCharsets.UTF_8) + "/"
                + URLEncoder.encode(method, StandardCharsets.UTF_8));
        String what = model + "." + method;
        HttpCalls.Answer answer = http.post(uri, headers, body, what);
        if (answer.status() == 200) {
            return answer.json();
        }
        if (!answer.isJson()) {
            throw new OdooException(what + ": Odoo answered HTTP " + answer.status(), null, answer.status(),
                    HttpCalls.isPassing(answer.status()) || answer.status() >= 500, null);
        }
        JsonNode error = answer.json();
        String name = error.path("name").asText(null);
        throw new OdooException(what + ": HTTP " + answer.status() + " " + name + ": "
                + JsonRpcTransport.firstLine(error.path("message").asText("")), name, answer.status(),
                HttpCalls.isPassing(answer.status()) || JsonRpcTransport.isTransientName(name), null);
    }
}
