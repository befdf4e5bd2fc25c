package io.casedesk.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** case-service's API, the part the connector writes through. Every answer is inspected by {@link CaseService}. */
@RegisterRestClient(configKey = "case-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CaseServiceApi {

    @POST
    @Path("/import")
    Response importBundle(@HeaderParam("Authorization") String authorization, JsonNode bundle);

    @DELETE
    @Path("/customers/{ref}")
    Response deleteCustomer(@HeaderParam("Authorization") String authorization, @PathParam("ref") String ref);

    @DELETE
    @Path("/cases/{number}")
    Response deleteCase(@HeaderParam("Authorization") String authorization, @PathParam("number") String number);
}
