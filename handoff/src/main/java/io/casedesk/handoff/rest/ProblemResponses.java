package io.casedesk.handoff.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Describes every 4xx response of the document as {@link Problem} details, so each operation only says which
 * problems it has ({@code mp.openapi.filter}).
 */
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null) {
                return;
            }
            operation.getResponses().getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("4") && response.getRef() == null) {
                    response.setContent(problemContent());
                }
            });
        }));
    }

    private static Content problemContent() {
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, with the problem's code in error")
                .addProperty("type", text("What kind of problem: urn:casedesk:problem:<error>, or about:blank where "
                        + "the HTTP status says it all"))
                .addProperty("title", text("The kind of problem in a few words"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status"))
                .addProperty("detail", text("This occurrence, for people"))
                .addProperty("error", text("The problem's code, for programs: assigned_to_other, ticket_closed, "
                        + "no_pending_draft, ticket_open, unreachable, empty_text, text_too_long, unknown_language, "
                        + "invalid_shortcut, unknown_placeholder, duplicate_shortcut, not_a_bot_answer, "
                        + "already_marked, not_found, forbidden, unauthorized, bad_request"))
                .required(java.util.List.of("type", "title", "status", "error"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
