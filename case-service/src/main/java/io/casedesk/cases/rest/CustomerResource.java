package io.casedesk.cases.rest;

import io.casedesk.cases.mapping.CaseView;
import io.casedesk.cases.mapping.ConversationTurnPage;
import io.casedesk.cases.service.ConversationHistory;
import io.casedesk.cases.service.CustomerDirectory;
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

    public CustomerResource(CustomerDirectory directory, ConversationHistory conversationHistory) {
        this.directory = directory;
        this.conversationHistory = conversationHistory;
    }

    @GET
    @Path("/cases")
    @Operation(summary = "The customer's cases",
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
    @Operation(summary = "One of the customer's cases, with its history")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = "No such case for this customer (the same answer whether or not "
            + "the number exists)")
    public CaseView caseOf(@PathParam("ref") String ref, @PathParam("number") String number) {
        return directory.caseOf(ref, number).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/conversation-turns")
    @Operation(summary = "The customer's conversation history, newest first")
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
