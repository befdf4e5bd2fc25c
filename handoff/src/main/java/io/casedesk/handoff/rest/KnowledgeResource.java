package io.casedesk.handoff.rest;

import io.casedesk.handoff.lifecycle.KnowledgeArticles;
import io.casedesk.handoff.lifecycle.KnowledgeArticles.KnowledgeDraftEdit;
import io.casedesk.handoff.lifecycle.KnowledgeArticles.KnowledgeGroupDetail;
import io.casedesk.handoff.lifecycle.KnowledgeArticles.KnowledgeGroupView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The Knowledge tab, for supervisors: groups of questions the bot could not answer, and the FAQ articles drafted
 * from them, approved (published to case-service's knowledge base) or rejected.
 */
@Path("/api/v1/inbox/knowledge/groups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(InboxResource.SUPERVISOR)
@Tag(name = "inbox", description = "The agent inbox: signed-in agents and supervisors")
@SecurityRequirement(name = HandoffApi.INBOX_SESSION)
@APIResponse(responseCode = "302", description = HandoffApi.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = HandoffApi.FORBIDDEN)
public class KnowledgeResource {

    private static final String GROUP = "The knowledge group's id";
    private static final String LANGUAGE = "The draft's language: zh-Hant, zh-Hans or en";
    private static final String NOT_FOUND = "not_found: no such group, or no draft of the language in it";
    private static final String DECIDED = "already_decided: the draft was approved or rejected already";

    private final KnowledgeArticles articles;
    private final SecurityIdentity identity;

    public KnowledgeResource(KnowledgeArticles articles, SecurityIdentity identity) {
        this.articles = articles;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listKnowledgeGroups", summary = "Supervisors: groups of questions the bot could not "
            + "answer, most questions first, then the most recently seen")
    @APIResponseSchema(value = KnowledgeGroupView[].class, responseDescription = "The groups")
    public List<KnowledgeGroupView> groups() {
        return articles.groups();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getKnowledgeGroup", summary = "Supervisors: a group's questions and its drafted "
            + "articles, one per language of its questions")
    @APIResponseSchema(value = KnowledgeGroupDetail.class, responseDescription = "The group")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public KnowledgeGroupDetail group(@Parameter(description = GROUP) @PathParam("id") long id) {
        return articles.group(id);
    }

    @PUT
    @Path("/{id}/drafts/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "editKnowledgeDraft", summary = "Supervisors: changes a drafted article's title, body "
            + "and tags")
    @APIResponseSchema(value = KnowledgeGroupDetail.class, responseDescription = "The group after the change")
    @APIResponse(responseCode = "400", description = "empty_text, text_too_long (title 200, body 20000 characters), "
            + "unknown_language")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = DECIDED)
    public KnowledgeGroupDetail edit(@Parameter(description = GROUP) @PathParam("id") long id,
                                     @Parameter(description = LANGUAGE) @PathParam("language") String language,
                                     KnowledgeDraftEdit edit) {
        return articles.edit(id, language, edit, supervisor());
    }

    @POST
    @Path("/{id}/drafts/{language}/approve")
    @Operation(operationId = "approveKnowledgeDraft", summary = "Supervisors: publishes a drafted article to "
            + "case-service's knowledge base (kb-gap-<group>-<language>) and marks it approved")
    @APIResponseSchema(value = KnowledgeGroupDetail.class, responseDescription = "The group, the draft approved")
    @APIResponse(responseCode = "400", description = "unknown_language")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = DECIDED)
    @APIResponse(responseCode = "502", description = "publish_failed: case-service refused the article (its problem "
            + "details in detail) or could not be reached; nothing was marked published")
    public KnowledgeGroupDetail approve(@Parameter(description = GROUP) @PathParam("id") long id,
                                        @Parameter(description = LANGUAGE) @PathParam("language") String language) {
        return articles.approve(id, language, supervisor());
    }

    @POST
    @Path("/{id}/drafts/{language}/reject")
    @Operation(operationId = "rejectKnowledgeDraft", summary = "Supervisors: dismisses a drafted article")
    @APIResponseSchema(value = KnowledgeGroupDetail.class, responseDescription = "The group, the draft rejected")
    @APIResponse(responseCode = "400", description = "unknown_language")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = DECIDED)
    public KnowledgeGroupDetail reject(@Parameter(description = GROUP) @PathParam("id") long id,
                                       @Parameter(description = LANGUAGE) @PathParam("language") String language) {
        return articles.reject(id, language, supervisor());
    }

    private String supervisor() {
        return identity.getPrincipal().getName();
    }
}
