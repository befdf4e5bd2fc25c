package io.casedesk.handoff.rest;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.lifecycle.AgentActions;
import io.casedesk.handoff.model.ActionRefused;
import io.casedesk.handoff.service.TicketTimers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Where an external helpdesk posts its agents' messages and closes (DESIGN §5), authenticated with
 * {@code Authorization: Bearer <casedesk.handoff.helpdesk.inbound-key>}. Without a configured key every
 * request is refused. The helpdesk acts as a supervisor: it may answer and close any open ticket.
 */
@Path("/api/v1/helpdesk")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "helpdesk", description = "An external helpdesk's agents answering and closing CaseDesk tickets")
@SecurityRequirement(name = HandoffApi.HELPDESK_KEY)
@APIResponse(responseCode = "401", description = "unauthorized: no key, a wrong key, or no key configured")
public class HelpdeskResource {

    private static final String REFUSED = "ticket_closed, or unreachable (no address to answer to)";

    private final AgentActions actions;
    private final TicketTimers timers;
    private final HandoffConfig.Helpdesk config;

    public HelpdeskResource(AgentActions actions, TicketTimers timers, HandoffConfig config) {
        this.actions = actions;
        this.timers = timers;
        this.config = config.helpdesk();
    }

    /** An agent's message; {@code agent} is the helpdesk's name for the agent. */
    public record AgentMessage(
            @Schema(description = "The ticket, as the establish call named it", required = true) String ticketId,
            @Schema(description = "The helpdesk's name for the agent; the audit log says agent:<name>",
                    required = true) String agent,
            @Schema(description = "The answer, at most " + AgentActions.MAX_REPLY_LENGTH + " characters",
                    required = true) String text) {
    }

    public record Close(
            @Schema(description = "The ticket, as the establish call named it", required = true) String ticketId,
            @Schema(description = "The helpdesk's name for the agent who closes", required = true) String agent) {
    }

    @POST
    @Path("/messages")
    @Operation(operationId = "postHelpdeskMessage", summary = "A helpdesk agent's answer, sent to the customer on "
            + "their channel")
    @APIResponse(responseCode = "202", description = "Accepted: the answer leaves with the change")
    @APIResponse(responseCode = "400", description = "empty_text (a field is missing) or text_too_long")
    @APIResponse(responseCode = "404", description = "not_found: no such ticket")
    @APIResponse(responseCode = "409", description = REFUSED)
    public Response message(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            AgentMessage message) {
        authorize(authorization);
        if (message == null || message.ticketId() == null || blank(message.agent())) {
            throw new ActionRefused(ActionRefused.Reason.EMPTY_TEXT, "ticketId, agent and text are required");
        }
        actions.reply(message.ticketId(), message.agent().strip(), true, message.text());
        return Response.accepted().build();
    }

    @POST
    @Path("/close")
    @Operation(operationId = "closeFromHelpdesk", summary = "A helpdesk agent closes the ticket; the customer is "
            + "asked for a rating if they talked with a person")
    @APIResponse(responseCode = "202", description = "Accepted: closed")
    @APIResponse(responseCode = "400", description = "empty_text: a field is missing")
    @APIResponse(responseCode = "404", description = "not_found: no such ticket")
    @APIResponse(responseCode = "409", description = "ticket_closed")
    public Response close(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          Close close) {
        authorize(authorization);
        if (close == null || close.ticketId() == null || blank(close.agent())) {
            throw new ActionRefused(ActionRefused.Reason.EMPTY_TEXT, "ticketId and agent are required");
        }
        actions.close(close.ticketId(), close.agent().strip(), true);
        timers.assignWaiting();
        return Response.accepted().build();
    }

    private void authorize(String authorization) {
        String key = config.inboundKey().filter(k -> !k.isBlank()).orElse(null);
        String prefix = "Bearer ";
        boolean ok = key != null && authorization != null && authorization.regionMatches(true, 0, prefix, 0, prefix.length())
                && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                        authorization.substring(prefix.length()).strip().getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            throw new NotAuthorizedException("A valid helpdesk key is required", "Bearer");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
