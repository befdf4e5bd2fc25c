package io.casedesk.cases.rest;

import io.casedesk.cases.mapping.IdentityView;
import io.casedesk.cases.service.CustomerDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/identities")
@Tag(name = "identities")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityResource {

    private final CustomerDirectory directory;

    public IdentityResource(CustomerDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Path("/{channel}/{externalId}")
    @Operation(summary = "The customer behind a LINE user id or email address")
    @APIResponse(responseCode = "200", description = "Known identity; verified tells whether case facts may be shared")
    @APIResponse(responseCode = "404", description = "Unknown identity")
    public IdentityView resolve(
            @Parameter(description = "line or email") @PathParam("channel") String channel,
            @Parameter(description = "LINE user id, or email address (any case)") @PathParam("externalId") String externalId) {
        return directory.resolveIdentity(channel, externalId).orElseThrow(NotFoundException::new);
    }
}
