package io.casedesk.cases.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.annotation.security.RolesAllowed;
import io.casedesk.cases.config.ServiceRole;
import io.casedesk.cases.view.CaseView;
import io.casedesk.cases.view.ConversationTurnPage;
import io.casedesk.cases.service.ConversationHistory;
import io.casedesk.cases.service.CustomerDirectory;
import io.casedesk.cases.service.RecordRemoval;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/customers/{ref}")
@Tag(name = "customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerDirectory directory;
    private final ConversationHistory conversationHistory;
    private final RecordRemoval removal;

    public CustomerResource(CustomerDirectory directory, ConversationHistory conversationHistory,
            RecordRemoval removal) {
        this.directory = directory;
        this.conversationHistory = conversationHistory;
        this.removal = removal;
    }

    @DELETE
    @RolesAllowed(ServiceRole.IMPORT)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.IMPORT)
    @Operation(operationId = "removeCustomer", summary = "Remove a customer",
            description = "The customer with their channel identities, link codes and cases, when the system they were "
                    + "imported from no longer has them (an archived or deleted client). Their conversation history stays.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Unknown customer")
    public void remove(@PathParam("ref") String ref) {
        if (!removal.removeCustomer(ref)) {
            throw new NotFoundException();
        }
    }

    @GET
    @Path("/cases")
    @RolesAllowed(ServiceRole.READ_CASES)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.READ_CASES)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.READ_CASES,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "listCustomerCases", summary = "The customer's cases",
            description = "Open cases first, then by next step date and case number. scope=open (default) leaves "
                    + "closed cases out; scope=all lists them last.")
    @APIResponse(responseCode = "200", description = "The cases, possibly none")
    @APIResponse(responseCode = "404", description = "Unknown customer")
    public List<CaseView> cases(@PathParam("ref") String ref,
            @Parameter(description = CaseScope.DESCRIPTION) @QueryParam("scope") @DefaultValue(CaseScope.DEFAULT) String scope) {
        return directory.casesOf(ref, CaseScope.includesClosed(scope)).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/cases/{number}")
    @RolesAllowed(ServiceRole.READ_CASES)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.READ_CASES)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.READ_CASES,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "getCustomerCase", summary = "One of the customer's cases, with its history")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = "No such case for this customer (the same answer whether or not "
            + "the number exists)")
    public CaseView caseOf(@PathParam("ref") String ref, @PathParam("number") String number) {
        return directory.caseOf(ref, number).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/conversation-turns")
    @RolesAllowed(ServiceRole.READ_HISTORY)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.READ_HISTORY)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.READ_HISTORY,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "listCustomerTurns", summary = "The customer's conversation history, newest first")
    @APIResponse(responseCode = "200", description = "One page of turns")
    @APIResponse(responseCode = "404", description = "Unknown customer")
    public ConversationTurnPage conversationTurns(@PathParam("ref") String ref,
            @Parameter(description = "zero-based") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "1 to " + Paging.MAX_PAGE_SIZE) @QueryParam("size") @DefaultValue("20") int size) {
        Paging.check(page, size);
        if (!directory.customerExists(ref)) {
            throw new NotFoundException();
        }
        return conversationHistory.turnsOf(ref, page, size);
    }
}
