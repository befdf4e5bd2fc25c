package io.casedesk.handoff.rest;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.service.TicketService;
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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Where an external helpdesk posts its agents' messages and closes (DESIGN §5), authenticated with
 * {@code Authorization: Bearer <casedesk.handoff.helpdesk.inbound-key>}. Without a configured key every
 * request is refused.
 */
@Path("/api/v1/helpdesk")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class HelpdeskResource {

    private final TicketService tickets;
    private final TicketTimers timers;
    private final HandoffConfig.Helpdesk config;

    public HelpdeskResource(TicketService tickets, TicketTimers timers, HandoffConfig config) {
        this.tickets = tickets;
        this.timers = timers;
        this.config = config.helpdesk();
    }

    /** An agent's message; {@code agent} is the helpdesk's name for the agent. */
    public record AgentMessage(String ticketId, String agent, String text) {
    }

    public record Close(String ticketId, String agent) {
    }

    @POST
    @Path("/messages")
    public Response message(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, AgentMessage message) {
        authorize(authorization);
        if (message == null || message.ticketId() == null || blank(message.agent())) {
            throw new TicketService.ActionRefused("empty_text", "ticketId, agent and text are required");
        }
        tickets.reply(message.ticketId(), message.agent().strip(), true, message.text());
        return Response.accepted().build();
    }

    @POST
    @Path("/close")
    public Response close(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, Close close) {
        authorize(authorization);
        if (close == null || close.ticketId() == null || blank(close.agent())) {
            throw new TicketService.ActionRefused("empty_text", "ticketId and agent are required");
        }
        tickets.closeByAgent(close.ticketId(), close.agent().strip(), true);
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
            throw new NotAuthorizedException("Bearer");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
