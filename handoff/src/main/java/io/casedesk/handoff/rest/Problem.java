package io.casedesk.handoff.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}), with the code the inbox translates in
 * {@code error}. {@link ProblemResponses} describes it in the OpenAPI document.
 *
 * @param type   {@code urn:casedesk:problem:<code>} for CaseDesk's own problems, {@code about:blank} where the status
 *               says it all
 * @param error  the problem's code: {@code assigned_to_other}, {@code ticket_closed}, {@code not_found}, ...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String error) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:casedesk:problem:";

    /** A problem of CaseDesk's own, named by its code. */
    static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, code);
    }

    /** A problem the HTTP status describes, {@code about:blank} with the status's reason phrase as title. */
    static Problem ofStatus(int status, String detail) {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return new Problem("about:blank", title, status, detail, title.toLowerCase(Locale.ROOT).replace(' ', '_'));
    }

    Response.ResponseBuilder response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
