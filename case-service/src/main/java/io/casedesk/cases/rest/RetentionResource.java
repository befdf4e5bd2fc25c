package io.casedesk.cases.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.annotation.security.RolesAllowed;
import io.casedesk.cases.config.ServiceRole;
import io.casedesk.cases.view.RetentionView;
import io.casedesk.cases.service.HistoryRetention;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/retention")
@Tag(name = "retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final HistoryRetention retention;

    public RetentionResource(HistoryRetention retention) {
        this.retention = retention;
    }

    @GET
    @RolesAllowed(ServiceRole.RETENTION)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.RETENTION)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.RETENTION,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "getRetention",
            summary = "How long conversation history is kept, and the last purge: when, cutoff, rows deleted")
    @APIResponse(responseCode = "200", description = "The retention settings and last run")
    public RetentionView retention() {
        return retention.view();
    }
}
