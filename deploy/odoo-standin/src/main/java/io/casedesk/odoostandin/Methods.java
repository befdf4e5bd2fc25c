package io.casedesk.odoostandin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ORM methods the stand-in serves, with their Python signatures, so that both protocols bind arguments as
 * Odoo does: {@code execute_kw} positionally and by keyword, JSON-2 by name only. Unknown methods, unexpected or
 * doubled arguments and ids passed to a model method fail as Odoo fails them.
 */
final class Methods {

    /**
     * @param recordMethod called on records ({@code ids} first), else an {@code @api.model} method
     * @param parameters   the positional-or-keyword parameters after {@code self}, in order
     * @param keywordOnly  parameters that can only be given by name
     * @param varKeywords  takes {@code **kwargs}
     */
    record Signature(boolean recordMethod, List<String> parameters, List<String> keywordOnly, boolean varKeywords) {
        boolean accepts(String name) {
            return varKeywords || parameters.contains(name) || keywordOnly.contains(name);
        }
    }

    /** A recordset returned by a method: JSON-RPC shows a single record as its id, JSON-2 always as a list. */
    record Records(List<Long> ids, boolean single) {
    }

    static final Map<String, Signature> SIGNATURES = Map.of(
            "search_read", new Signature(false, List.of("domain", "fields", "offset", "limit", "order"), List.of("load"),
                    false),
            "search", new Signature(false, List.of("domain", "offset", "limit", "order"), List.of(), false),
            "search_count", new Signature(false, List.of("domain", "limit"), List.of(), false),
            "read", new Signature(true, List.of("fields", "load"), List.of(), false),
            "write", new Signature(true, List.of("vals"), List.of(), false),
            "create", new Signature(false, List.of("vals_list"), List.of(), false),
            "unlink", new Signature(true, List.of(), List.of(), false),
            "message_post", new Signature(true, List.of(), List.of("body", "subject", "message_type", "email_from",
                    "author_id", "parent_id", "subtype_xmlid", "subtype_id", "partner_ids", "attachments",
                    "attachment_ids", "body_is_html"), true));

    /** What {@code message_post} takes besides its named parameters (message values). */
    private static final Set<String> MESSAGE_POST_EXTRA = Set.of("message_id", "email_add_signature", "record_name",
            "reply_to", "date", "is_internal", "email_layout_xmlid", "mail_server_id");

    private final RecordStore store;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    Methods(RecordStore store) {
        this.store = store;
    }

    RecordStore store() {
        return store;
    }

    static Signature signature(String model, String method) {
        Signature signature = SIGNATURES.get(method);
        if (signature == null) {
            throw OdooError.notFound("The method '" + method + "' does not exist on the model '" + model + "'");
        }
        return signature;
    }

    Map<String, Long> calls() {
        Map<String, Long> copy = new LinkedHashMap<>();
        calls.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Runs {@code model.method} on {@code ids} (record methods) with arguments bound by name. */
    @SuppressWarnings("unchecked")
    Object invoke(String model, String method, List<Long> ids, Map<String, Object> args, Map<String, Object> context) {
        store.model(model);
        calls.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
        return switch (method) {
            case "search_read" -> store.searchRead(model, args.get("domain"), stringList(args.get("fields")),
                    intArg(args.get("offset"), 0), limit(args.get("limit")), text(args.get("order")), context);
            case "search" -> store.search(model, args.get("domain"), intArg(args.get("offset"), 0),
                    limit(args.get("limit")), text(args.get("order")), context);
            case "search_count" -> store.count(model, args.get("domain"), context);
            case "read" -> store.read(model, ids, stringList(args.get("fields")));
            case "write" -> {
                store.write(model, ids, asMap(args.get("vals")));
                yield true;
            }
            case "create" -> create(model, args.get("vals_list"));
            case "unlink" -> {
                store.unlink(model, ids);
                yield true;
            }
            case "message_post" -> messagePost(model, ids, args);
            default -> throw OdooError.notFound("The method '" + method + "' does not exist on the model '" + model + "'");
        };
    }

    private Records create(String model, Object values) {
        if (values instanceof Map<?, ?> one) {
            return new Records(List.of(store.create(model, asMap(one))), true);
        }
        if (values instanceof List<?> many) {
            List<Long> ids = new ArrayList<>();
            for (Object item : many) {
                ids.add(store.create(model, asMap(item)));
            }
            return new Records(ids, false);
        }
        throw OdooError.valueError("create() expects a dict or a list of dicts");
    }

    private Records messagePost(String model, List<Long> ids, Map<String, Object> args) {
        if (!store.model(model).mailThread()) {
            throw OdooError.notFound("The method 'message_post' does not exist on the model '" + model + "'");
        }
        if (ids.size() != 1) {
            throw OdooError.valueError("Expected singleton: " + model + ids);
        }
        List<String> invalid = args.keySet().stream()
                .filter(k -> !SIGNATURES.get("message_post").keywordOnly().contains(k) && !MESSAGE_POST_EXTRA.contains(k))
                .sorted().toList();
        if (!invalid.isEmpty()) {
            throw OdooError.valueError("Those values are not supported when posting or notifying: "
                    + String.join(", ", invalid));
        }
        Map<String, Object> record = store.stored(model, ids.get(0));
        Object rawBody = args.getOrDefault("body", "");
        String body = Domain.isFalse(rawBody) ? "" : rawBody.toString();
        if (!Boolean.TRUE.equals(args.get("body_is_html"))) {
            body = escape(body).replace("\n", "<br>");
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("model", model);
        message.put("res_id", ids.get(0));
        message.put("body", body);
        message.put("message_type", args.getOrDefault("message_type", "notification"));
        Object subtypeId = args.get("subtype_id");
        message.put("subtype_id", Domain.isFalse(subtypeId) ? RecordStore.subtypeId(text(args.get("subtype_xmlid")))
                : subtypeId);
        Object messageId = args.get("message_id");
        message.put("message_id", Domain.isFalse(messageId)
                ? "<" + java.util.UUID.randomUUID() + "-openerp-" + ids.get(0) + "-" + model + "@standin>" : messageId);
        message.put("subject", args.get("subject"));
        message.put("author_id", args.get("author_id"));
        message.put("record_name", record.get("name"));
        message.put("date", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0)
                .format(Domain.ODOO_DATETIME));
        message.values().removeIf(java.util.Objects::isNull);
        return new Records(List.of(store.create("mail.message", message)), true);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw OdooError.valueError("Expected a dict of values, got " + value);
    }

    private static List<String> stringList(Object value) {
        if (Domain.isFalse(value)) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        throw OdooError.valueError("fields must be a list of field names");
    }

    private static int intArg(Object value, int fallback) {
        return Domain.isFalse(value) ? fallback : (int) Domain.toLong(value);
    }

    private static Integer limit(Object value) {
        return Domain.isFalse(value) ? null : (int) Domain.toLong(value);
    }

    private static String text(Object value) {
        return Domain.isFalse(value) ? null : value.toString();
    }
}
