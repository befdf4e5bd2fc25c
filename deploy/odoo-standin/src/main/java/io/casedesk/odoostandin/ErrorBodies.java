package io.casedesk.odoostandin;

import java.util.LinkedHashMap;
import java.util.Map;

/** Odoo's serialized exception ({@code odoo.http.serialize_exception}), shared by both protocols. */
final class ErrorBodies {

    static Map<String, Object> serialize(OdooError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", error.name());
        body.put("message", error.getMessage());
        body.put("arguments", error.arguments());
        body.put("context", Map.of());
        body.put("debug", "Traceback (most recent call last):\n  File \"odoo-standin\", line 1, in <module>\n"
                + error.name() + ": " + error.getMessage() + "\n");
        return body;
    }

    /** The {@code error} member of a JSON-RPC answer: code 200 (404 for werkzeug's NotFound), Odoo's message. */
    static Map<String, Object> jsonRpcError(OdooError error) {
        Map<String, Object> rpc = new LinkedHashMap<>();
        rpc.put("code", error.isNotFound() ? 404 : 200);
        rpc.put("message", error.isNotFound() ? "404: Not Found" : "Odoo Server Error");
        rpc.put("data", serialize(error));
        return rpc;
    }

    private ErrorBodies() {
    }
}
