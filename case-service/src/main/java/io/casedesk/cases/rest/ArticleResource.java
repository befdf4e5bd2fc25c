package io.casedesk.cases.rest;

import io.casedesk.cases.mapping.ArticleView;
import io.casedesk.cases.service.KnowledgeBase;
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

    public ArticleResource(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @GET
    @Operation(summary = "Search the knowledge base")
    @APIResponse(responseCode = "200", description = "Matching articles, by id")
    public List<ArticleView> search(
            @Parameter(description = "BCP 47 tag, e.g. zh-Hant; any when absent") @QueryParam("language") String language,
            @Parameter(description = "Text found in title, body or tags, ignoring case; all when absent")
            @QueryParam("q") String query) {
        return knowledgeBase.search(language, query);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One article")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "404", description = "Unknown article")
    public ArticleView article(@PathParam("id") String id) {
        return knowledgeBase.article(id).orElseThrow(NotFoundException::new);
    }
}
