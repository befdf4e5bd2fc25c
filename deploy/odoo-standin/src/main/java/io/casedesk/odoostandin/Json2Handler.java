package io.casedesk.odoostandin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /json/2/<model>/<method>}: Odoo's JSON-2 API (Odoo 19). {@code Authorization: bearer <api key>},
 * optional {@code X-Odoo-Database}, a JSON object body with {@code ids}, {@code context} and the method's
 * parameters by name. Success: 200 with the result (a recordset as its list of ids). Errors: the serialized
 * exception with its HTTP status: 401 bad key, 404 unknown model or method or missing record, 422 wrong
 * arguments or a {@code UserError}, 403 access, 500 anything else.
 */
final class Json2Handler {

    static final String PREFIX = "/json/2/";

    private final StandInConfig config;
    private final Methods methods;

    Json2Handler(StandInConfig config, Methods methods) {
        this.config = config;
        this.methods = methods;
    }

    void handle(HttpExchange exchange) throws IOException {
        try {
            Exchanges.json(exchange, 200, call(exchange));
        } catch (OdooError e) {
            Exchanges.json(exchange, e.httpStatus(), ErrorBodies.serialize(e));
        }
    }

    @SuppressWarnings("unchecked")
    private Object call(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().substring(PREFIX.length()).split("/");
        if (path.length != 2 || path[0].isEmpty() || path[1].isEmpty()) {
            throw OdooError.notFound("Did you mean POST /json/2/<model>/<method>?");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw OdooError.http(405, "MethodNotAllowed", "The method is not allowed for the requested URL.");
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer ", 0, 7)
                || !config.apiKey().equals(authorization.substring(7).trim())) {
            throw OdooError.http(401, "Unauthorized", "Invalid apikey");
        }
        String database = exchange.getRequestHeaders().getFirst("X-Odoo-Database");
        if (database != null && !config.database().equals(database)) {
            throw OdooError.notFound("database " + database + " not found");
        }
        Map<String, Object> body = readBody(exchange);
        String model = path[0];
        String method = path[1];
        if (!methods.store().knows(model)) {
            throw OdooError.notFound("the model '" + model + "' does not exist");
        }
        Methods.Signature signature = Methods.signature(model, method);
        Map<String, Object> named = new LinkedHashMap<>(body);
        Object rawIds = named.remove("ids");
        Map<String, Object> context = named.remove("context") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
        List<Long> ids = rawIds instanceof List<?> list ? list.stream().map(Domain::toLong).toList() : List.of();
        if (!signature.recordMethod() && !ids.isEmpty()) {
            throw OdooError.unprocessable("cannot call " + model + "." + method + " with ids");
        }
        for (String name : named.keySet()) {
            if (!signature.accepts(name)) {
                throw OdooError.unprocessable(method + "() got an unexpected keyword argument '" + name + "'");
            }
        }
        Object result = methods.invoke(model, method, ids, named, context);
        return result instanceof Methods.Records records ? records.ids() : result;
    }

    private static Map<String, Object> readBody(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            return Map.of();
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw OdooError.http(400, "BadRequest", "Content-Type must be application/json");
        }
        try {
            Object parsed = Json.MAPPER.readValue(bytes, Object.class);
            if (parsed instanceof Map<?, ?>) {
                return Json.MAPPER.convertValue(parsed, Exchanges.MAP);
            }
            throw OdooError.http(400, "BadRequest", "the body must be a JSON object");
        } catch (JsonProcessingException e) {
            throw OdooError.http(400, "BadRequest", "could not parse the body as json: " + e.getOriginalMessage());
        }
    }
}
