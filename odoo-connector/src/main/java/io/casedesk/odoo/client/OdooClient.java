package io.casedesk.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls ORM methods of an Odoo server over one of its two external protocols ({@link JsonRpcTransport},
 * {@link Json2Transport}): the same call, the same result, whichever the firm's Odoo speaks.
 */
public final class OdooClient {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One protocol: runs {@code model.method} on {@code ids} with arguments by name, in Python's order. */
    public interface Transport {
        /**
         * @param positional how many leading {@code args} are the method's positional parameters (JSON-RPC sends
         *                   them as {@code args}, the rest as {@code kwargs}; JSON-2 sends all by name)
         */
        JsonNode call(String model, String method, List<Long> ids, LinkedHashMap<String, Object> args, int positional,
                Map<String, Object> context);

        String describe();
    }

    private final Transport transport;

    public OdooClient(Transport transport) {
        this.transport = transport;
    }

    public String describe() {
        return transport.describe();
    }

    /** {@code search_read(domain, fields, offset, limit, order)}. */
    public List<JsonNode> searchRead(String model, List<?> domain, List<String> fields, int offset, Integer limit,
            String order, Map<String, Object> context) {
        LinkedHashMap<String, Object> args = new LinkedHashMap<>();
        args.put("domain", domain);
        args.put("fields", fields);
        if (offset > 0) {
            args.put("offset", offset);
        }
        if (limit != null) {
            args.put("limit", limit);
        }
        if (order != null) {
            args.put("order", order);
        }
        return list(transport.call(model, "search_read", null, args, 1, context));
    }

    /** {@code search(domain)}: the ids. */
    public List<Long> search(String model, List<?> domain, Map<String, Object> context) {
        LinkedHashMap<String, Object> args = new LinkedHashMap<>();
        args.put("domain", domain);
        List<Long> ids = new ArrayList<>();
        transport.call(model, "search", null, args, 1, context).forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    public int searchCount(String model, List<?> domain, Map<String, Object> context) {
        LinkedHashMap<String, Object> args = new LinkedHashMap<>();
        args.put("domain", domain);
        return transport.call(model, "search_count", null, args, 1, context).asInt();
    }

    /** {@code read(ids, fields)}: archived records too; a missing one fails the call ({@code MissingError}). */
    public List<JsonNode> read(String model, List<Long> ids, List<String> fields) {
        LinkedHashMap<String, Object> args = new LinkedHashMap<>();
        args.put("fields", fields);
        return list(transport.call(model, "read", ids, args, 0, Map.of()));
    }

    public long create(String model, Map<String, Object> values) {
        LinkedHashMap<String, Object> args = new LinkedHashMap<>();
        args.put("vals_list", values);
        return firstId(transport.call(model, "create", null, args, 1, Map.of()));
    }

    public void write(String model, List<Long> ids, Map<String, Object> values) {
        LinkedHashMap<String, Object> args = new LinkedHashMap<>();
        args.put("vals", values);
        transport.call(model, "write", ids, args, 1, Map.of());
    }

    public void unlink(String model, List<Long> ids) {
        transport.call(model, "unlink", ids, new LinkedHashMap<>(), 0, Map.of());
    }

    /** {@code record.message_post(**values)}: the new {@code mail.message}'s id. */
    public long messagePost(String model, long id, Map<String, Object> values) {
        return firstId(transport.call(model, "message_post", List.of(id), new LinkedHashMap<>(values), 0, Map.of()));
    }

    /** A returned record: its id over JSON-RPC ({@code @api.returns}), a list of one id over JSON-2. */
    private static long firstId(JsonNode result) {
        if (result.isArray() && !result.isEmpty()) {
            return result.get(0).asLong();
        }
        if (result.isNumber()) {
            return result.asLong();
        }
        throw new OdooException("Unexpected result: not a record id", null, 200, false, null);
    }

    private static List<JsonNode> list(JsonNode result) {
        if (!result.isArray()) {
            throw new OdooException("Unexpected result: not a list", null, 200, false, null);
        }
        List<JsonNode> items = new ArrayList<>(result.size());
        result.forEach(items::add);
        return items;
    }
}
