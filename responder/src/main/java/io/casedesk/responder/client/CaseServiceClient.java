package io.casedesk.responder.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * The part of case-service's API the responder uses. Every call carries the responder's service
 * credential. A 404 is not an error here: it means "no such customer or case for this identity".
 */
@Path("/api/v1")
@RegisterRestClient(configKey = "case-service")
@ClientHeaderParam(name = "Authorization", value = "Bearer ${casedesk.case-service.key}")
public interface CaseServiceClient {

    /**
     * The customer behind the identity with their cases ({@link CustomerWithCases}), open ones first; 404 for an
     * unknown identity. {@code scope} is {@code open} or {@code all}.
     */
    @GET
    @Path("/identities/{channel}/{externalId}/customer")
    Response customerWithCases(@PathParam("channel") String channel, @PathParam("externalId") String externalId,
                               @QueryParam("scope") String scope);

    @GET
    @Path("/articles")
    List<ArticleView> articles(@QueryParam("language") String language);

    /** The firm's settings ({@link FirmView}); 404 before any firm was imported. */
    @GET
    @Path("/firm")
    Response firm();

    /** The conversation's latest turns, newest first. */
    @GET
    @Path("/conversations/{conversationId}/turns")
    TurnPage turns(@PathParam("conversationId") String conversationId, @QueryParam("page") int page,
                   @QueryParam("size") int size);

    /** Links the identity with a case number and a secret or one-time code; the caller reads the status. */
    @POST
    @Path("/identities/{channel}/{externalId}/link")
    @Consumes(MediaType.APPLICATION_JSON)
    Response link(@PathParam("channel") String channel, @PathParam("externalId") String externalId, LinkBody body);

    /** Sends a one-time code to the registered email of the case's customer; the caller reads the status. */
    @POST
    @Path("/identities/{channel}/{externalId}/link/code-request")
    @Consumes(MediaType.APPLICATION_JSON)
    Response requestCode(@PathParam("channel") String channel, @PathParam("externalId") String externalId,
                         LinkBody body);

    @ClientExceptionMapper
    static RuntimeException toException(Response response, Method method) {
        if (method.getReturnType() == Response.class && response.getStatus() < 500) {
            return null; // "unknown identity", "wrong code", "locked out": the caller reads the status
        }
        return new CaseServiceUnavailableException("case-service answered HTTP " + response.getStatus());
    }
}
