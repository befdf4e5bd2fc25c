package io.casedesk.responder.client;

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
 * The part of case-service's API the responder uses. Every call carries the responder's service
 * credential. A 404 is not an error here: it means "no such customer or case for this identity".
 */
@Path("/api/v1")
@RegisterRestClient(configKey = "case-service")
@ClientHeaderParam(name = "Authorization", value = "Bearer ${casedesk.case-service.key}")
public interface CaseServiceClient {

    @GET
    @Path("/identities/{channel}/{externalId}")
    Response resolveIdentity(@PathParam("channel") String channel, @PathParam("externalId") String externalId);

    @GET
    @Path("/customers/{ref}/cases")
    List<CaseView> cases(@PathParam("ref") String customerRef, @QueryParam("scope") String scope);

    @GET
    @Path("/articles")
    List<ArticleView> articles(@QueryParam("language") String language);

    @ClientExceptionMapper
    static RuntimeException toException(Response response, Method method) {
        if (response.getStatus() == 404 && method.getReturnType() == Response.class) {
            return null; // "unknown identity": the caller reads the status
        }
        return new CaseServiceUnavailableException("case-service answered HTTP " + response.getStatus());
    }
}
