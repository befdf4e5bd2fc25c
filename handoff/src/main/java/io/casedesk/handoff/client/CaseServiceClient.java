package io.casedesk.handoff.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The part of case-service's API handoff uses, with handoff's service credential. A 404 on the calls that
 * return a {@link Response} means "unknown": the caller reads the status; so does the caller of a write
 * ({@code PUT}), whatever the status, to show case-service's problem details.
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

    /** Creates (201) or replaces (200) a knowledge-base article; needs the {@code publish-kb} role. */
    @PUT
    @Path("/articles/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response putArticle(@PathParam("id") String id, ArticleRequest article);

    @ClientExceptionMapper
    static RuntimeException toException(Response response, Method method) {
        if (method.getReturnType() == Response.class
                && (response.getStatus() == 404 || method.isAnnotationPresent(PUT.class))) {
            return null;
        }
        return new CaseServiceUnavailableException("case-service answered HTTP " + response.getStatus());
    }
}
