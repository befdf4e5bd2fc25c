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

@Path("/api/v1/articles")
@Tag(name = "knowledge base")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final KnowledgeBase knowledgeBase;
    private final RecordRemoval removal;

    public ArticleResource(KnowledgeBase knowledgeBase, RecordRemoval removal) {
        this.knowledgeBase = knowledgeBase;
        this.removal = removal;
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
}
