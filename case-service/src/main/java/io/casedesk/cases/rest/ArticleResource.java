package io.casedesk.cases.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.annotation.security.RolesAllowed;
import io.casedesk.cases.config.ServiceRole;
import io.casedesk.cases.view.ArticleView;
import io.casedesk.cases.service.KnowledgeBase;
import io.casedesk.cases.service.RecordRemoval;
import jakarta.ws.rs.DELETE;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.casedesk.cases.service.ArticlePublication;
import io.casedesk.cases.service.ArticlePublishing;
import io.casedesk.cases.view.ArticleRevisionView;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/v1/articles")
@Tag(name = "knowledge base")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final KnowledgeBase knowledgeBase;
    private final RecordRemoval removal;
    private final ArticlePublishing publishing;
    private final ObjectReader publicationReader;

    public ArticleResource(KnowledgeBase knowledgeBase, RecordRemoval removal, ArticlePublishing publishing,
                           ObjectMapper mapper) {
        this.knowledgeBase = knowledgeBase;
        this.removal = removal;
        this.publishing = publishing;
        this.publicationReader = mapper.readerFor(ArticlePublication.class);
    }

    @GET
    @RolesAllowed(ServiceRole.READ_KB)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.READ_KB)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.READ_KB,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "listArticles", summary = "Search the knowledge base")
    @APIResponse(responseCode = "200", description = "Matching articles, by id")
    public List<ArticleView> search(
            @Parameter(description = "BCP 47 tag, e.g. zh-Hant; any when absent") @QueryParam("language") String language,
            @Parameter(description = "Text found in title, body or tags, ignoring case; all when absent")
            @QueryParam("q") String query) {
        return knowledgeBase.search(language, query);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(ServiceRole.READ_KB)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.READ_KB)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.READ_KB,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "getArticle", summary = "One article")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "404", description = "Unknown article")
    public ArticleView article(@PathParam("id") String id) {
        return knowledgeBase.article(id).orElseThrow(NotFoundException::new);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ServiceRole.PUBLISH_KB)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.PUBLISH_KB)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.PUBLISH_KB,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "publishArticle", summary = "Publish an article from the agent inbox",
            description = "Creates or replaces the article with this id, marked as published from the inbox, records "
                    + "the revision and announces the change on cs.firm.v1 in one transaction: answers use it at once. "
                    + "A later import that does not list it keeps it; one that lists its id replaces it.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticlePublication.class)))
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or an invalid article: every problem is listed and "
            + "nothing was written",
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    public Response publish(@PathParam("id") String id, String body, @Context UriInfo uri) {
        ArticlePublishing.Published published = publishing.publish(id, parse(body));
        if (published.created()) {
            return Response.created(uri.getAbsolutePath()).entity(published.article()).build();
        }
        return Response.ok(published.article()).build();
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed(ServiceRole.READ_KB)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.READ_KB)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.READ_KB,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "listArticleRevisions", summary = "An article's revisions, newest first",
            description = "Who published each version and when, and from which knowledge gap; an import's versions "
                    + "have the source kind import.")
    @APIResponse(responseCode = "200", description = "The revisions, newest first")
    @APIResponse(responseCode = "404", description = "Unknown article",
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    public List<ArticleRevisionView> revisions(@PathParam("id") String id) {
        return publishing.revisions(id).orElseThrow(NotFoundException::new);
    }

    @DELETE
    @RolesAllowed(ServiceRole.IMPORT)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.IMPORT)
    @Path("/{id}")
    @Operation(operationId = "removeArticle",
            summary = "Remove an article", description = "When the system it was imported from no longer has it.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such article")
    public void remove(@PathParam("id") String id) {
        if (!removal.removeArticle(id)) {
            throw new NotFoundException();
        }
    }

    private ArticlePublication parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("The body must be the article as JSON");
        }
        try {
            return publicationReader.readValue(body);
        } catch (JsonProcessingException e) {
            // Only the location: the parser's own message may quote the article.
            var location = e.getLocation();
            throw new BadRequestException(location == null ? "The body is not an article as JSON"
                    : "The body is not an article as JSON (line " + location.getLineNr() + ", column "
                            + location.getColumnNr() + ")");
        }
    }
}
