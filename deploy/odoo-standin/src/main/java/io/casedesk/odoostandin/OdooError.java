package io.casedesk.odoostandin;

import java.util.List;

/**
 * An error as Odoo reports it: the fully qualified name of the Python exception, its message and arguments, and
 * the HTTP status the JSON-2 API gives it ({@code UserError} and its subclasses carry their own, werkzeug's HTTP
 * exceptions their code, anything else is a 500). JSON-RPC reports every one of them in the body of a 200 answer.
 */
final class OdooError extends RuntimeException {

    private final String name;
    private final int httpStatus;
    private final List<Object> arguments;

    private OdooError(String name, String message, int httpStatus, List<Object> arguments) {
        super(message, null, false, false);
        this.name = name;
        this.httpStatus = httpStatus;
        this.arguments = arguments;
    }

    static OdooError userError(String message) {
        return new OdooError("odoo.exceptions.UserError", message, 422, List.of(message));
    }

    static OdooError validationError(String message) {
        return new OdooError("odoo.exceptions.ValidationError", message, 422, List.of(message));
    }

    static OdooError accessDenied() {
        return new OdooError("odoo.exceptions.AccessDenied", "Access Denied", 403, List.of("Access Denied"));
    }

    static OdooError missing(String model, List<Long> ids) {
        String message = "Record does not exist or has been deleted.\n(Record: " + model + "(" + ids.stream()
                .map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + ",), User: 2)";
        return new OdooError("odoo.exceptions.MissingError", message, 404, List.of(message));
    }

    /** A plain Python error (invalid field, wrong argument type): a 500 in JSON-2. */
    static OdooError valueError(String message) {
        return new OdooError("builtins.ValueError", message, 500, List.of(message));
    }

    static OdooError typeError(String message) {
        return new OdooError("builtins.TypeError", message, 500, List.of(message));
    }

    static OdooError http(int code, String werkzeugName, String description) {
        return new OdooError("werkzeug.exceptions." + werkzeugName, description, code, List.of(description, code));
    }

    static OdooError notFound(String description) {
        return http(404, "NotFound", description);
    }

    static OdooError unprocessable(String description) {
        return http(422, "UnprocessableEntity", description);
    }

    String name() {
        return name;
    }

    int httpStatus() {
        return httpStatus;
    }

    List<Object> arguments() {
        return arguments;
    }

    boolean isNotFound() {
        return "werkzeug.exceptions.NotFound".equals(name);
    }
}
