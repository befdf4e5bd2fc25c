package io.casedesk.handoff.rest;

import io.casedesk.handoff.mapping.TicketViews;
import io.casedesk.handoff.model.ConversationControl;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketMessage;
import io.casedesk.handoff.model.TicketState;
import io.casedesk.handoff.service.AgentPresence;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.InboxEvents;
import io.casedesk.handoff.service.InboxEvents.InboxEvent;
import io.casedesk.handoff.service.TicketService;
import io.casedesk.handoff.service.TicketTimers;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The agent inbox's API: the queue, one ticket, the actions on it, the bot switches, the live feed. */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({InboxResource.AGENT, InboxResource.SUPERVISOR})
public class InboxResource {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";

    private final TicketService tickets;
    private final TicketTimers timers;
    private final AgentPresence presence;
    private final InboxEvents events;
    private final HandoffMetrics metrics;
    private final SecurityIdentity identity;
    private final String sessionCookie;

    public InboxResource(TicketService tickets, TicketTimers timers, AgentPresence presence, InboxEvents events,
                         HandoffMetrics metrics, SecurityIdentity identity,
                         @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.sessionCookie = sessionCookie;
        this.tickets = tickets;
        this.timers = timers;
        this.presence = presence;
        this.events = events;
        this.metrics = metrics;
        this.identity = identity;
    }

    /** The signed-in agent. */
    public record Me(String name, Set<String> roles, boolean online, boolean away, boolean botPaused) {
    }

    public record TextRequest(String text) {
    }

    public record AwayRequest(boolean away) {
    }

    @GET
    @Path("/me")
    public Me me() {
        String name = agent();
        return new Me(name, identity.getRoles(), presence.isOnline(name), presence.isAway(name),
                ConversationControl.isPaused(ConversationControl.ALL));
    }

    @POST
    @Path("/me/away")
    @Consumes(MediaType.APPLICATION_JSON)
    public Me setAway(AwayRequest request) {
        presence.setAway(agent(), request != null && request.away());
        timers.assignWaiting();
        return me();
    }

    /** Signs out: the session cookie of the form sign-in is dropped (OIDC sessions end at the provider). */
    @POST
    @Path("/logout")
    public Response logout() {
        return Response.noContent()
                .cookie(new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }

    /** Open tickets by priority and wait ({@code scope=open}), or the latest closed ones ({@code scope=closed}). */
    @GET
    @Path("/tickets")
    public List<TicketViews.Summary> tickets(@QueryParam("scope") @DefaultValue("open") String scope) {
        List<Ticket> list = switch (scope) {
            case "open" -> Ticket.open();
            case "closed" -> Ticket.find("state = ?1 order by closedAt desc", TicketState.CLOSED).page(0, 50).list();
            default -> throw new BadRequestException("scope must be open or closed");
        };
        Map<String, String> previews = previews(list.stream().map(t -> t.id).toList());
        return list.stream().map(t -> TicketViews.summary(t, previews.get(t.id))).toList();
    }

    @GET
    @Path("/tickets/{id}")
    public TicketViews.Detail ticket(@PathParam("id") String id) {
        Ticket ticket = Ticket.findById(id);
        if (ticket == null) {
            throw new NotFoundException();
        }
        return TicketViews.detail(ticket, TicketMessage.of(id), ConversationControl.isPaused(ticket.conversationId));
    }

    @POST
    @Path("/tickets/{id}/take")
    public TicketViews.Detail take(@PathParam("id") String id) {
        tickets.take(id, agent(), supervisor());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public TicketViews.Detail reply(@PathParam("id") String id, TextRequest request) {
        tickets.reply(id, agent(), supervisor(), request == null ? null : request.text());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/draft/approve")
    public TicketViews.Detail approveDraft(@PathParam("id") String id) {
        tickets.approveDraft(id, agent(), supervisor());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/draft/edit")
    @Consumes(MediaType.APPLICATION_JSON)
    public TicketViews.Detail editDraft(@PathParam("id") String id, TextRequest request) {
        tickets.editDraft(id, agent(), supervisor(), request == null ? null : request.text());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/draft/reject")
    public TicketViews.Detail rejectDraft(@PathParam("id") String id) {
        tickets.rejectDraft(id, agent(), supervisor());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/close")
    public TicketViews.Detail close(@PathParam("id") String id) {
        tickets.closeByAgent(id, agent(), supervisor());
        timers.assignWaiting();
        return ticket(id);
    }

    /** Pauses the bot for the ticket's conversation: it stays silent even after the ticket closes. */
    @POST
    @Path("/tickets/{id}/pause")
    public TicketViews.Detail pause(@PathParam("id") String id) {
        tickets.setPaused(conversationOf(id), true, agent());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/resume")
    public TicketViews.Detail resume(@PathParam("id") String id) {
        tickets.setPaused(conversationOf(id), false, agent());
        return ticket(id);
    }

    /** The global switch: the bot answers no one while paused. */
    @POST
    @Path("/bot/pause")
    @RolesAllowed(SUPERVISOR)
    public Me pauseBot() {
        tickets.setPaused(ConversationControl.ALL, true, agent());
        events.botSwitched(true);
        return me();
    }

    @POST
    @Path("/bot/resume")
    @RolesAllowed(SUPERVISOR)
    public Me resumeBot() {
        tickets.setPaused(ConversationControl.ALL, false, agent());
        events.botSwitched(false);
        return me();
    }

    @GET
    @Path("/metrics")
    public HandoffMetrics.Snapshot metrics() {
        return QuarkusTransaction.requiringNew().call(metrics::refresh);
    }

    /** Live changes of the queue; while connected, the agent is online and gets tickets assigned. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<InboxEvent> stream() {
        String name = agent();
        return events.stream()
                .onSubscription().invoke(() -> presence.connected(name))
                .onTermination().invoke(() -> presence.disconnected(name));
    }

    private String conversationOf(String id) {
        Ticket ticket = Ticket.findById(id);
        if (ticket == null) {
            throw new NotFoundException();
        }
        return ticket.conversationId;
    }

    private String agent() {
        return identity.getPrincipal().getName();
    }

    private boolean supervisor() {
        return identity.hasRole(SUPERVISOR);
    }

    private static Map<String, String> previews(List<String> ids) {
        Map<String, String> previews = new HashMap<>();
        if (ids.isEmpty()) {
            return previews;
        }
        for (Object row : Panache.getEntityManager().createNativeQuery("""
                select distinct on (ticket_id) ticket_id, text from ticket_messages
                where ticket_id in (?1) and kind = 'customer' order by ticket_id, seq desc""")
                .setParameter(1, ids).getResultList()) {
            Object[] r = (Object[]) row;
            previews.put((String) r[0], (String) r[1]);
        }
        return previews;
    }
}
