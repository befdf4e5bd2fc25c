package io.casedesk.handoff.rest;

import io.casedesk.handoff.lifecycle.AgentActions;
import io.casedesk.handoff.lifecycle.BotAnswerFeedback;
import io.casedesk.handoff.lifecycle.BotSwitches;
import io.casedesk.handoff.lifecycle.DraftReplies;
import io.casedesk.handoff.lifecycle.TicketNotes;
import io.casedesk.handoff.mapping.TicketViews;
import io.casedesk.handoff.model.AnswerFeedback;
import io.casedesk.handoff.model.ConversationControl;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketAttachment;
import io.casedesk.handoff.model.TicketMessage;
import io.casedesk.handoff.model.TicketNote;
import io.casedesk.handoff.model.TicketNotFound;
import io.casedesk.handoff.service.AgentPresence;
import io.casedesk.handoff.service.CannedResponses;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.service.InboxEvents;
import io.casedesk.handoff.service.InboxEvents.InboxEvent;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent inbox's API: the queue, one ticket, the actions on it, the bot switches, the live feed. A request without
 * a session is sent to the sign-in page; errors are problem details ({@link ProblemDetails}).
 */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({InboxResource.AGENT, InboxResource.SUPERVISOR})
@Tag(name = "inbox", description = "The agent inbox: signed-in agents and supervisors")
@SecurityRequirement(name = HandoffApi.INBOX_SESSION)
@APIResponse(responseCode = "302", description = HandoffApi.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = HandoffApi.FORBIDDEN)
public class InboxResource {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    /** JSON lines. */
    public static final String NDJSON = "application/x-ndjson";

    private static final String TICKET_ID = "The ticket's id";
    private static final String NOT_FOUND = "not_found: no such ticket";
    private static final String AFTER = "The ticket after the action";
    private static final String CLOSED_OR_OTHERS = "ticket_closed, or assigned_to_other (another agent's ticket, "
            + "unless a supervisor asks)";

    private final AgentActions actions;
    private final DraftReplies drafts;
    private final TicketNotes notes;
    private final CannedResponses canned;
    private final BotAnswerFeedback feedback;
    private final BotSwitches switches;
    private final TicketTimers timers;
    private final AgentPresence presence;
    private final InboxEvents events;
    private final HandoffMetrics metrics;
    private final SecurityIdentity identity;
    private final String sessionCookie;

    public InboxResource(AgentActions actions, DraftReplies drafts, TicketNotes notes, CannedResponses canned,
                         BotAnswerFeedback feedback, BotSwitches switches, TicketTimers timers, AgentPresence presence, InboxEvents events,
                         HandoffMetrics metrics, SecurityIdentity identity,
                         @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.sessionCookie = sessionCookie;
        this.actions = actions;
        this.drafts = drafts;
        this.notes = notes;
        this.canned = canned;
        this.feedback = feedback;
        this.switches = switches;
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

    /** @param cannedResponseId the canned response the text started from, if any (counted when the reply goes out) */
    public record ReplyRequest(String text, Long cannedResponseId) {
    }

    public record AwayRequest(boolean away) {
    }

    /** @param correctAnswer what the bot should have answered */
    public record WrongAnswerRequest(String correctAnswer) {
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMe", summary = "The signed-in agent, their presence and the global bot switch")
    @APIResponseSchema(value = Me.class, responseDescription = "The agent")
    public Me me() {
        String name = agent();
        return new Me(name, identity.getRoles(), presence.isOnline(name), presence.isAway(name),
                ConversationControl.isPaused(ConversationControl.ALL));
    }

    @POST
    @Path("/me/away")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setAway", summary = "Away or back: an agent who is away gets no tickets assigned")
    @APIResponseSchema(value = Me.class, responseDescription = "The agent, away or back")
    public Me setAway(AwayRequest request) {
        presence.setAway(agent(), request != null && request.away());
        timers.assignWaiting();
        return me();
    }

    /** Signs out: the session cookie of the form sign-in is dropped (OIDC sessions end at the provider). */
    @POST
    @Path("/logout")
    @Operation(operationId = "signOut", summary = "Signs out: drops the session cookie of the form sign-in")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout() {
        return Response.noContent()
                .cookie(new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }

    /** Open tickets by priority and wait ({@code scope=open}), or the latest closed ones ({@code scope=closed}). */
    @GET
    @Path("/tickets")
    @Operation(operationId = "listTickets", summary = "The queue: open tickets by priority and wait, or the 50 "
            + "closed last")
    @APIResponseSchema(value = TicketViews.Summary[].class, responseDescription = "The tickets, in queue order")
    @APIResponse(responseCode = "400", description = "bad_request: scope is neither open nor closed")
    public List<TicketViews.Summary> tickets(@Parameter(description = "open (the default) or closed")
                                             @QueryParam("scope") @DefaultValue("open") String scope) {
        List<Ticket> list = switch (scope) {
            case "open" -> Ticket.open();
            case "closed" -> Ticket.latestClosed(50);
            default -> throw new BadRequestException("scope must be open or closed");
        };
        Map<String, String> previews = previews(list.stream().map(t -> t.id).toList());
        return list.stream().map(t -> TicketViews.summary(t, previews.get(t.id))).toList();
    }

    @GET
    @Path("/tickets/{id}")
    @Operation(operationId = "getTicket", summary = "One ticket with its messages, history, triage tags, case "
            + "summary and draft")
    @APIResponseSchema(value = TicketViews.Detail.class, responseDescription = "The ticket")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public TicketViews.Detail ticket(@Parameter(description = TICKET_ID) @PathParam("id") String id) {
        Ticket ticket = Ticket.findById(id);
        if (ticket == null) {
            throw new TicketNotFound(id);
        }
        return TicketViews.detail(ticket, TicketMessage.of(id), TicketNote.of(id), AnswerFeedback.of(id),
                ConversationControl.isPaused(ticket.conversationId), TicketAttachment.of(id));
    }

    @POST
    @Path("/tickets/{id}/take")
    @Operation(operationId = "takeTicket", summary = "Takes the ticket: a waiting one, or (supervisors) another "
            + "agent's")
    @APIResponseSchema(value = TicketViews.Detail.class, responseDescription = AFTER)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = CLOSED_OR_OTHERS)
    public TicketViews.Detail take(@Parameter(description = TICKET_ID) @PathParam("id") String id) {
        actions.take(id, agent(), supervisor());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replyToTicket", summary = "Answers the customer on their channel; a waiting ticket "
            + "becomes the agent's")
    @APIResponseSchema(value = TicketViews.Detail.class, responseDescription = AFTER)
    @APIResponse(responseCode = "400", description = "empty_text, or text_too_long (over "
            + AgentActions.MAX_REPLY_LENGTH + " characters)")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = CLOSED_OR_OTHERS + ", or unreachable (no address to answer to)")
    public TicketViews.Detail reply(@Parameter(description = TICKET_ID) @PathParam("id") String id,
                                    ReplyRequest request) {
        actions.reply(id, agent(), supervisor(), request == null ? null : request.text());
        if (request != null && request.cannedResponseId() != null) {
            canned.used(request.cannedResponseId());
        }
        return ticket(id);
    }

    @GET
    @Path("/tickets/{id}/canned-responses")
    @Operation(operationId = "listCannedResponsesForTicket", summary = "The canned responses of the ticket's "
            + "language, their placeholders filled for its customer and the signed-in agent")
    @APIResponseSchema(value = CannedResponses.Filled[].class, responseDescription = "The canned responses, by "
            + "shortcut")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public List<CannedResponses.Filled> cannedResponses(@Parameter(description = TICKET_ID) @PathParam("id") String id) {
        return canned.forTicket(id, agent());
    }

    @POST
    @Path("/tickets/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addTicketNote", summary = "Adds a private note to the ticket's timeline, open or "
            + "closed: never sent to the customer")
    @APIResponseSchema(value = TicketViews.Detail.class, responseDescription = "The ticket with the note")
    @APIResponse(responseCode = "400", description = "empty_text, or text_too_long (over "
            + TicketNotes.MAX_NOTE_LENGTH + " characters)")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public TicketViews.Detail addNote(@Parameter(description = TICKET_ID) @PathParam("id") String id,
                                      TextRequest request) {
        notes.add(id, agent(), request == null ? null : request.text());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/history/{turn}/wrong")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "markBotAnswerWrong", summary = "Marks an answer of the bot in the ticket's history "
            + "wrong, with the right answer, for evaluating the bot; never sent to the customer")
    @APIResponseSchema(value = TicketViews.Detail.class, responseDescription = "The ticket, the answer marked")
    @APIResponse(responseCode = "400", description = "not_a_bot_answer (the turn is not an answer of the bot), "
            + "empty_text, or text_too_long (over " + AgentActions.MAX_REPLY_LENGTH + " characters)")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "already_marked: the answer is marked wrong already")
    public TicketViews.Detail markWrong(@Parameter(description = TICKET_ID) @PathParam("id") String id,
                                        @Parameter(description = "The answer's index in the ticket's history, from 0")
                                        @PathParam("turn") int turn, WrongAnswerRequest request) {
        feedback.markWrong(id, turn, agent(), request == null ? null : request.correctAnswer());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/draft/approve")
    @Operation(operationId = "approveDraft", summary = "Sends the responder's draft as it is")
    @APIResponseSchema(value = TicketViews.Detail.class, responseDescription = AFTER)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "no_pending_draft, " + CLOSED_OR_OTHERS + ", or unreachable")
    public TicketViews.Detail approveDraft(@Parameter(description = TICKET_ID) @PathParam("id") String id) {
        drafts.approve(id, agent(), supervisor());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/draft/edit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "editDraft", summary = "Sends the responder's draft as the agent edited it")
    @APIResponseSchema(value = TicketViews.Detail.class, responseDescription = AFTER)
    @APIResponse(responseCode = "400", description = "empty_text or text_too_long")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "no_pending_draft, " + CLOSED_OR_OTHERS + ", or unreachable")
    public TicketViews.Detail editDraft(@Parameter(description = TICKET_ID) @PathParam("id") String id,
                                       TextRequest request) {
        drafts.edit(id, agent(), supervisor(), request == null ? null : request.text());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/draft/reject")
    @Operation(operationId = "rejectDraft", summary = "Rejects the responder's draft: nothing is sent")
    @APIResponseSchema(value = TicketViews.Detail.class, responseDescription = AFTER)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "no_pending_draft or " + CLOSED_OR_OTHERS)
    public TicketViews.Detail rejectDraft(@Parameter(description = TICKET_ID) @PathParam("id") String id) {
        drafts.reject(id, agent(), supervisor());
        return ticket(id);
    }

    @POST
    @Path("/tickets/{id}/close")
    @Operation(operationId = "closeTicket", summary = "Closes the ticket; a customer who talked with a person is "
            + "asked for a rating")
    @APIResponseSchema(value = TicketViews.Detail.class, responseDescription = AFTER)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = CLOSED_OR_OTHERS)
    public TicketViews.Detail close(@Parameter(description = TICKET_ID) @PathParam("id") String id) {
        actions.close(id, agent(), supervisor());
        timers.assignWaiting();
        return ticket(id);
    }

    /** Pauses the bot for the ticket's conversation: it stays silent even after the ticket closes. */
    @POST
    @Path("/tickets/{id}/pause")
    @Operation(operationId = "pauseBotForTicket", summary = "Pauses the bot for the ticket's conversation, even "
            + "after the ticket closes")
    @APIResponseSchema(value = TicketViews.Detail.class, responseDescription = AFTER)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public TicketViews.Detail pause(@Parameter(description = TICKET_ID) @PathParam("id") String id) {
        return switchBotFor(id, true);
    }

    @POST
    @Path("/tickets/{id}/resume")
    @Operation(operationId = "resumeBotForTicket", summary = "Lets the bot answer the ticket's conversation again")
    @APIResponseSchema(value = TicketViews.Detail.class, responseDescription = AFTER)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "ticket_open: a person owns the conversation; close the "
            + "ticket first")
    public TicketViews.Detail resume(@Parameter(description = TICKET_ID) @PathParam("id") String id) {
        return switchBotFor(id, false);
    }

    /** The global switch: the bot answers no one while paused. */
    @POST
    @Path("/bot/pause")
    @RolesAllowed(SUPERVISOR)
    @Operation(operationId = "pauseBot", summary = "Supervisors: the bot answers no one until resumed")
    @APIResponseSchema(value = Me.class, responseDescription = "The supervisor, the bot paused")
    public Me pauseBot() {
        return switchBot(true);
    }

    @POST
    @Path("/bot/resume")
    @RolesAllowed(SUPERVISOR)
    @Operation(operationId = "resumeBot", summary = "Supervisors: the bot answers again")
    @APIResponseSchema(value = Me.class, responseDescription = "The supervisor, the bot on")
    public Me resumeBot() {
        return switchBot(false);
    }

    /** The bot's answers marked wrong as JSON lines, personal data redacted, for evaluating the bot. */
    @GET
    @Path("/feedback/export")
    @Produces(NDJSON)
    @RolesAllowed(SUPERVISOR)
    @Operation(operationId = "exportAnswerFeedback", summary = "Supervisors: the answers of the bot marked wrong, one "
            + "JSON object a line, personal data (phone, id, account, card numbers, e-mail addresses) redacted in "
            + "every text and the conversation named by a stable key")
    @APIResponse(responseCode = "200", description = "The feedback, oldest first",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = BotAnswerFeedback.ExportLine.class)))
    @APIResponse(responseCode = "400", description = "bad_request: since is not an instant (2026-12-01T00:00:00Z)")
    public Response exportFeedback(@Parameter(description = "Only what was marked from this instant on (ISO 8601)")
                                   @QueryParam("since") String since) {
        return Response.ok(feedback.export(instant(since)))
                .header("Content-Disposition", "attachment; filename=\"answer-feedback.jsonl\"").build();
    }

    @GET
    @Path("/metrics")
    @Operation(operationId = "getMetrics", summary = "The metrics page's figures over the last 30 days")
    @APIResponseSchema(value = HandoffMetrics.Snapshot.class, responseDescription = "The figures")
    public HandoffMetrics.Snapshot metrics() {
        return QuarkusTransaction.requiringNew().call(metrics::refresh);
    }

    /** Live changes of the queue; while connected, the agent is online and gets tickets assigned. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamInboxEvents", summary = "Server-sent events of the queue's changes, and a ping "
            + "every 15 s; while connected, the agent is online")
    @APIResponse(responseCode = "200", description = "The feed, one JSON event per message",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = InboxEvent.class)))
    public Multi<InboxEvent> stream() {
        String name = agent();
        return events.stream()
                .onSubscription().invoke(() -> presence.connected(name))
                .onTermination().invoke(() -> presence.disconnected(name));
    }

    private TicketViews.Detail switchBotFor(String ticketId, boolean paused) {
        Ticket ticket = Ticket.findById(ticketId);
        if (ticket == null) {
            throw new TicketNotFound(ticketId);
        }
        switches.setPaused(ticket.conversationId, paused, agent());
        return ticket(ticketId);
    }

    private Me switchBot(boolean paused) {
        switches.setPaused(ConversationControl.ALL, paused, agent());
        events.botSwitched(paused);
        return me();
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since must be an instant such as 2026-12-01T00:00:00Z");
        }
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
