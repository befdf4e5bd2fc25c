package io.casedesk.handoff.rest;

import io.casedesk.handoff.service.CannedResponses;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * Canned responses as supervisors keep them: every agent reads them, supervisors write them. Agents get them filled
 * for a ticket from the inbox ({@code GET /api/v1/inbox/tickets/{id}/canned-responses}).
 */
@Path("/api/v1/inbox/canned-responses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({InboxResource.AGENT, InboxResource.SUPERVISOR})
@Tag(name = "inbox", description = "The agent inbox: signed-in agents and supervisors")
@SecurityRequirement(name = HandoffApi.INBOX_SESSION)
@APIResponse(responseCode = "302", description = HandoffApi.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = HandoffApi.FORBIDDEN)
public class CannedResponseResource {

    private static final String ID = "The canned response's id";
    private static final String INVALID = "unknown_language (not zh-Hant, zh-Hans or en), invalid_shortcut "
            + "(not lower-case letters, digits and dashes), empty_text (a field missing or blank), text_too_long, "
            + "or unknown_placeholder (only {salutation} and {agent})";
    private static final String DUPLICATE = "duplicate_shortcut: another canned response of the language has it";
    private static final String NOT_FOUND = "not_found: no such canned response";

    private final CannedResponses canned;
    private final SecurityIdentity identity;

    public CannedResponseResource(CannedResponses canned, SecurityIdentity identity) {
        this.canned = canned;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listCannedResponses", summary = "Every canned response, or those of one language, by "
            + "language and shortcut")
    @APIResponseSchema(value = CannedResponses.View[].class, responseDescription = "The canned responses")
    @APIResponse(responseCode = "400", description = "unknown_language")
    public List<CannedResponses.View> list(@Parameter(description = "zh-Hant, zh-Hans or en; all when absent")
                                           @QueryParam("language") String language) {
        return canned.list(language);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(InboxResource.SUPERVISOR)
    @Operation(operationId = "createCannedResponse", summary = "Supervisors: a new canned response")
    @APIResponse(responseCode = "201", description = "The canned response, at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CannedResponses.View.class)))
    @APIResponse(responseCode = "400", description = INVALID)
    @APIResponse(responseCode = "409", description = DUPLICATE)
    public Response create(CannedResponses.Draft draft) {
        CannedResponses.View created = canned.create(draft, supervisor());
        return Response.created(URI.create("/api/v1/inbox/canned-responses/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(InboxResource.SUPERVISOR)
    @Operation(operationId = "updateCannedResponse", summary = "Supervisors: changes a canned response")
    @APIResponseSchema(value = CannedResponses.View.class, responseDescription = "The canned response as changed")
    @APIResponse(responseCode = "400", description = INVALID)
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = DUPLICATE)
    public CannedResponses.View update(@Parameter(description = ID) @PathParam("id") long id,
                                       CannedResponses.Draft draft) {
        return canned.update(id, draft, supervisor());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(InboxResource.SUPERVISOR)
    @Operation(operationId = "deleteCannedResponse", summary = "Supervisors: deletes a canned response")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public Response delete(@Parameter(description = ID) @PathParam("id") long id) {
        canned.delete(id);
        return Response.noContent().build();
    }

    private String supervisor() {
        return identity.getPrincipal().getName();
    }
}
