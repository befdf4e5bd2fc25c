package io.casedesk.odoostandin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /jsonrpc}: Odoo's external JSON-RPC endpoint. {@code {"jsonrpc":"2.0","method":"call","params":
 * {"service":"common"|"object"|"db","method":...,"args":[...]},"id":n}}; the answer is always HTTP 200 with
 * {@code result} or {@code error} ({@code code}, {@code message}, {@code data} = the serialized exception), except
 * for a body that is not JSON (400, plain text).
 */
final class JsonRpcHandler {

    private final StandInConfig config;
    private final Methods methods;

    JsonRpcHandler(StandInConfig config, Methods methods) {
        this.config = config;
        this.methods = methods;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Exchanges.text(exchange, 405, "405 Method Not Allowed");
            return;
        }
        Map<String, Object> request;
        try {
            request = Json.MAPPER.readValue(exchange.getRequestBody(), Exchanges.MAP);
        } catch (JsonProcessingException e) {
            Exchanges.text(exchange, 400, "Invalid JSON data");
            return;
        }
        Object id = request.get("id");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", "2.0");
        answer.put("id", id);
        try {
            Object params = request.get("params");
            if (!(params instanceof Map<?, ?> p)) {
                throw OdooError.typeError("dispatch_rpc() missing required arguments");
            }
            answer.put("result", dispatch(String.valueOf(p.get("service")), String.valueOf(p.get("method")),
                    p.get("args") instanceof List<?> args ? args : List.of()));
        } catch (OdooError e) {
            answer.put("error", ErrorBodies.jsonRpcError(e));
        }
        Exchanges.json(exchange, 200, answer);
    }

    private Object dispatch(String service, String method, List<?> args) {
        return switch (service) {
            case "common" -> switch (method) {
                case "version" -> Map.of("server_version", "17.0", "server_version_info", List.of(17, 0, 0, "final", 0, ""),
                        "server_serie", "17.0", "protocol_version", 1);
                case "login", "authenticate" -> {
                    argCount(method, args, 3);
                    checkDatabase(args.get(0));
                    boolean ok = config.login().equals(args.get(1)) && secretMatches(args.get(2));
                    yield ok ? OdooStandIn.UID : false;
                }
                default -> throw OdooError.valueError("Method not available " + method);
            };
            case "db" -> switch (method) {
                case "list" -> List.of(config.database());
                case "server_version" -> "17.0";
                default -> throw OdooError.valueError("Method not available " + method);
            };
            case "object" -> switch (method) {
                case "execute_kw" -> executeKw(args);
                case "execute" -> {
                    argCount(method, args, 5);
                    yield executeKw(List.of(args.get(0), args.get(1), args.get(2), args.get(3), args.get(4),
                            args.subList(5, args.size()), Map.of()));
                }
                default -> throw OdooError.valueError("Method not available " + method);
            };
            default -> throw OdooError.notFound("No such service: " + service);
        };
    }

    @SuppressWarnings("unchecked")
    private Object executeKw(List<?> args) {
        argCount("execute_kw", args, 6);
        checkDatabase(args.get(0));
        if (!(args.get(1) instanceof Number uid) || uid.longValue() != OdooStandIn.UID || !secretMatches(args.get(2))) {
            throw OdooError.accessDenied();
        }
        String model = String.valueOf(args.get(3));
        String method = String.valueOf(args.get(4));
        if (!methods.store().knows(model)) {
            throw OdooError.userError("Object " + model + " doesn't exist");
        }
        List<Object> positional = args.get(5) instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        Map<String, Object> keywords = args.size() > 6 && args.get(6) instanceof Map<?, ?> map
                ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
        Map<String, Object> context = keywords.remove("context") instanceof Map<?, ?> c
                ? (Map<String, Object>) c : Map.of();
        Methods.Signature signature = Methods.signature(model, method);
        List<Long> ids = List.of();
        if (signature.recordMethod()) {
            if (positional.isEmpty()) {
                throw OdooError.typeError(method + "() missing 1 required positional argument: 'ids'");
            }
            ids = idList(positional.remove(0));
        }
        if (positional.size() > signature.parameters().size()) {
            throw OdooError.typeError(method + "() takes " + (signature.parameters().size() + 1)
                    + " positional arguments but " + (positional.size() + 1) + " were given");
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            bound.put(signature.parameters().get(i), positional.get(i));
        }
        for (Map.Entry<String, Object> keyword : keywords.entrySet()) {
            if (!signature.accepts(keyword.getKey())) {
                throw OdooError.typeError(method + "() got an unexpected keyword argument '" + keyword.getKey() + "'");
            }
            if (bound.put(keyword.getKey(), keyword.getValue()) != null) {
                throw OdooError.typeError(method + "() got multiple values for argument '" + keyword.getKey() + "'");
            }
        }
        Object result = methods.invoke(model, method, ids, bound, context);
        // execute_kw answers a returned record with its id (@api.returns), several with their ids.
        if (result instanceof Methods.Records records) {
            return records.single() ? records.ids().get(0) : records.ids();
        }
        return result;
    }

    private static List<Long> idList(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Domain::toLong).toList();
        }
        return List.of(Domain.toLong(value));
    }

    private boolean secretMatches(Object secret) {
        return config.password().equals(secret) || config.apiKey().equals(secret);
    }

    private void checkDatabase(Object database) {
        if (!config.database().equals(database)) {
            throw OdooError.valueError("database \"" + database + "\" does not exist");
        }
    }

    private static void argCount(String method, List<?> args, int minimum) {
        if (args.size() < minimum) {
            throw OdooError.typeError(method + "() missing required positional arguments");
        }
    }
}
