package io.casedesk.cases.rest;

import io.casedesk.cases.config.ServiceRole;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import io.casedesk.cases.service.RecordRemoval;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cases/{number}")
@Tag(name = "import")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final RecordRemoval removal;

    public CaseResource(RecordRemoval removal) {
        this.removal = removal;
    }

    @DELETE
    @RolesAllowed(ServiceRole.IMPORT)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.IMPORT)
    @Operation(operationId = "removeCase",
            summary = "Remove a case", description = "The case and its history, when the system it was imported "
            + "from no longer has it (an archived or deleted matter).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such case")
    public void remove(@PathParam("number") String number) {
        if (!removal.removeCase(number)) {
            throw new NotFoundException();
        }
    }
}
