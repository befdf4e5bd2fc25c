package io.casedesk.handoff.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The part of case-service's API handoff uses, with handoff's service credential. A 404 on the calls that
 * return a {@link Response} means "unknown": the caller reads the status.
 */
@Path("/api/v1")
@RegisterRestClient(configKey = "case-service")
@ClientHeaderParam(name = "Authorization", value = "Bearer ${casedesk.case-service.key}")
public interface CaseServiceClient {

    @GET
    @Path("/identities/{channel}/{externalId}")
    Response identity(@PathParam("channel") String channel, @PathParam("externalId") String externalId);

    @GET
    @Path("/customers/{ref}/cases")
    List<CaseView> cases(@PathParam("ref") String customerRef, @QueryParam("scope") String scope);

    @GET
    @Path("/firm")
    Response firm();

    @ClientExceptionMapper
    static RuntimeException toException(Response response, Method method) {
        if (response.getStatus() == 404 && method.getReturnType() == Response.class) {
            return null;
        }
        return new CaseServiceUnavailableException("case-service answered HTTP " + response.getStatus());
    }
}
