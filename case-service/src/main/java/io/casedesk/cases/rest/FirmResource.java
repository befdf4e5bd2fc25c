package io.casedesk.cases.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.annotation.security.RolesAllowed;
import io.casedesk.cases.config.ServiceRole;
import io.casedesk.cases.view.FirmView;
import io.casedesk.cases.service.CustomerDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/firm")
@Tag(name = "firm")
@Produces(MediaType.APPLICATION_JSON)
public class FirmResource {

    private final CustomerDirectory directory;

    public FirmResource(CustomerDirectory directory) {
        this.directory = directory;
    }

    @GET
    @RolesAllowed(ServiceRole.READ_KB)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.READ_KB)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.READ_KB,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "getFirm",
            summary = "The firm's settings: languages, tone, service hours, out-of-hours texts")
    @APIResponse(responseCode = "200", description = "The firm")
    @APIResponse(responseCode = "404", description = "No bundle with a firm imported yet")
    public FirmView firm() {
        return directory.firm().orElseThrow(NotFoundException::new);
    }
}
