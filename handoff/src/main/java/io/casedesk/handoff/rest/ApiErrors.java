package io.casedesk.handoff.rest;

import io.casedesk.handoff.service.TicketService;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors as {@code {"error": code, "message": text}}, the codes the inbox understands. */
public class ApiErrors {

    public record ApiError(String error, String message) {
    }

    @ServerExceptionMapper
    public Response refused(TicketService.ActionRefused e) {
        int status = switch (e.code()) {
            case "empty_text", "text_too_long" -> 400;
            default -> 409;
        };
        return Response.status(status).entity(new ApiError(e.code(), e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response notFound(TicketService.TicketNotFound e) {
        return Response.status(404).entity(new ApiError("not_found", e.getMessage())).build();
    }
}
