package io.casedesk.cases.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.casedesk.cases.bundle.BundleProblem;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The body of every error response: RFC 9457 problem details ({@code application/problem+json}) with the
 * machine-readable code in {@code error}, e.g.
 * {@code {"type":"urn:casedesk:problem:not_found","title":"Not Found","status":404,"error":"not_found"}}.
 *
 * @param type     {@code urn:casedesk:problem:<error>}
 * @param title    the HTTP status's reason phrase
 * @param status   the HTTP status
 * @param detail   for humans, when there is more to say
 * @param error    machine-readable code
 * @param problems for a rejected import bundle or article: every problem found
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "error", "problems"})
public record ApiError(String type, String title, int status, String detail, String error,
        List<BundleProblem> problems) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:casedesk:problem:";

    public static ApiError of(int status, String error, String detail, List<BundleProblem> problems) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return new ApiError(TYPE_PREFIX + error, title, status, detail, error, problems);
    }

    public static ApiError of(Response.Status status, String error, String detail) {
        return of(status.getStatusCode(), error, detail, null);
    }

    /** The error as a response: its status, the problem media type and this body. */
    public Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
