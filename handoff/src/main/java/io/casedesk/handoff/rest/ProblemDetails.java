package io.casedesk.handoff.rest;

import io.casedesk.handoff.lifecycle.ArticlePublishFailed;
import io.casedesk.handoff.model.ActionRefused;
import io.casedesk.handoff.model.TicketNotFound;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of the inbox and helpdesk API as problem details ({@link Problem}). The inbox shows the translation of
 * {@code error}; a request without a session never gets here: the sign-in sends it to the sign-in page.
 */
public class ProblemDetails {

    @ServerExceptionMapper
    public Response refused(ActionRefused e) {
        ActionRefused.Reason reason = e.reason();
        int status = reason.invalidRequest() ? 400 : 409;
        return Problem.of(status, reason.code(), reason.title(), e.getMessage()).response().build();
    }

    @ServerExceptionMapper
    public Response notFound(TicketNotFound e) {
        return Problem.of(404, "not_found", "No such ticket", e.getMessage()).response().build();
    }

    /** case-service refused a drafted article (its problem in the detail) or did not answer. */
    @ServerExceptionMapper
    public Response publishFailed(ArticlePublishFailed e) {
        return Problem.of(502, "publish_failed", "Publishing to case-service failed", e.getMessage()).response()
                .build();
    }

    /** Signed in, without the role the operation needs. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this").response().build();
    }

    /** The status of a JAX-RS exception (a wrong key, an unknown path, a malformed request) with its headers. */
    @ServerExceptionMapper
    public Response status(WebApplicationException e) {
        Response original = e.getResponse();
        Response.ResponseBuilder response = Problem.ofStatus(original.getStatus(), e.getMessage()).response();
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }
}
