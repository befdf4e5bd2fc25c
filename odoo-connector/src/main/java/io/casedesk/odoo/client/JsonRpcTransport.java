package io.casedesk.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Odoo's external JSON-RPC ({@code POST /jsonrpc}, Odoo 17 and 18): {@code common.authenticate(db, login, key, {})}
 * once for the uid, then {@code object.execute_kw(db, uid, key, model, method, args, kwargs)}. Errors come as
 * HTTP 200 with an {@code error} member whose {@code data.name} is Odoo's exception.
 */
public final class JsonRpcTransport implements OdooClient.Transport {

    private final URI endpoint;
    private final String database;
    private final String login;
    private final String apiKey;
    private final HttpCalls http;
    private final AtomicLong requestIds = new AtomicLong();
    private volatile Long uid;

    public JsonRpcTransport(String baseUrl, String database, String login, String apiKey, Duration connectTimeout,
            Duration timeout) {
        this.endpoint = URI.create(stripSlash(baseUrl) + "/jsonrpc");
        this.database = database;
        this.login = login;
        this.apiKey = apiKey;
        this.http = new HttpCalls(connectTimeout, timeout);
    }

    @Override
    public String describe() {
        return "JSON-RPC " + endpoint + " (database " + database + ")";
    }

    @Override
    public JsonNode call(String model, String method, List<Long> ids, LinkedHashMap<String, Object> args,
            int positional, Map<String, Object> context) {
        List<Object> positionalArgs = new ArrayList<>();
        if (ids != null) {
            positionalArgs.add(ids);
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, Object> arg : args.entrySet()) {
            if (index++ < positional) {
                positionalArgs.add(arg.getValue());
            } else {
                kwargs.put(arg.getKey(), arg.getValue());
            }
        }
        if (context != null && !context.isEmpty()) {
            kwargs.put("context", context);
        }
        return rpc("object", "execute_kw",
                List.of(database, uid(), apiKey, model, method, positionalArgs, kwargs), model + "." + method);
    }

    private long uid() {
        Long known = uid;
        if (known != null) {
            return known;
        }
        JsonNode result = rpc("common", "authenticate", List.of(database, login, apiKey, Map.of()), "authenticate");
        if (!result.isIntegralNumber()) {
            throw new OdooException("Odoo refused the login (authenticate answered false)",
                    "odoo.exceptions.AccessDenied", 200, false, null);
        }
        uid = result.asLong();
        return uid;
    }

    private JsonNode rpc(String service, String method, List<Object> args, String what) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("jsonrpc", "2.0");
        request.put("method", "call");
        request.put("params", Map.of("service", service, "method", method, "args", args));
        request.put("id", requestIds.incrementAndGet());
        HttpCalls.Answer answer = http.post(endpoint, Map.of(), request, what);
        if (answer.status() != 200 || !answer.isJson()) {
            throw new OdooException(what + ": Odoo answered HTTP " + answer.status(), null, answer.status(),
                    HttpCalls.isPassing(answer.status()) || answer.status() >= 500, null);
        }
        JsonNode body = answer.json();
        JsonNode error = body.get("error");
        if (error != null && !error.isNull()) {
            String name = error.path("data").path("name").asText(null);
            if ("odoo.exceptions.AccessDenied".equals(name)) {
                uid = null;
            }
            throw new OdooException(what + ": " + (name == null ? error.path("message").asText() : name) + ": "
                    + firstLine(error.path("data").path("message").asText(error.path("message").asText())),
                    name, 200, isTransientName(name), null);
        }
        return body.path("result");
    }

    /** Serialization failures and lost database connections pass; Odoo itself retries the former a few times. */
    static boolean isTransientName(String name) {
        return name != null && (name.contains("SerializationFailure") || name.contains("OperationalError")
                || name.contains("ConcurrencyError") || name.contains("LockError"));
    }

    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
