package io.casedesk.cases.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.annotation.security.RolesAllowed;
import io.casedesk.cases.config.ServiceRole;
import io.casedesk.cases.view.ConversationTurnPage;
import io.casedesk.cases.service.ConversationHistory;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/conversations/{conversationId}")
@Tag(name = "conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

    private final ConversationHistory conversationHistory;

    public ConversationResource(ConversationHistory conversationHistory) {
        this.conversationHistory = conversationHistory;
    }

    @GET
    @Path("/turns")
    @RolesAllowed(ServiceRole.READ_HISTORY)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.READ_HISTORY)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.READ_HISTORY,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "listConversationTurns", summary = "One conversation's history, newest first",
            description = "An empty page when no turns of the conversation are stored.")
    @APIResponse(responseCode = "200", description = "One page of turns")
    @APIResponse(responseCode = "400", description = "page or size out of range")
    public ConversationTurnPage turns(
            @Parameter(description = "e.g. line:<destination>:<userId> or email:<mailbox>:<address>, URL-encoded")
            @PathParam("conversationId") String conversationId,
            @Parameter(description = "zero-based") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "1 to " + Paging.MAX_PAGE_SIZE) @QueryParam("size") @DefaultValue("20") int size) {
        Paging.check(page, size);
        return conversationHistory.turnsOfConversation(conversationId, page, size);
    }
}
