package io.casedesk.cases.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.List;

/**
 * Describes on every operation what a caller without a valid service key (401) or without the operation's role (403)
 * gets, as problem details ({@link ApiError}), so each resource only documents its own errors
 * ({@code mp.openapi.filter}).
 */
public class ServiceKeyResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation -> {
            if (operation.getResponses() == null) {
                operation.setResponses(OASFactory.createAPIResponses());
            }
            APIResponses responses = operation.getResponses();
            if (!responses.hasAPIResponse("401")) {
                responses.addAPIResponse("401", OASFactory.createAPIResponse()
                        .description("unauthorized: no valid service key (Authorization: Bearer <key>)")
                        .content(problemContent()));
            }
            if (!responses.hasAPIResponse("403")) {
                responses.addAPIResponse("403", OASFactory.createAPIResponse()
                        .description("forbidden: the key lacks the role " + String.join(", ", roles(operation)))
                        .content(problemContent()));
            }
        }));
    }

    private static List<String> roles(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null) {
            return List.of();
        }
        return security.stream().map(SecurityRequirement::getSchemes).filter(schemes -> schemes != null)
                .flatMap(schemes -> schemes.getOrDefault(CaseServiceApi.SERVICE_KEY, List.of()).stream()).toList();
    }

    private static Content problemContent() {
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/ApiError"));
        return OASFactory.createContent().addMediaType(ApiError.MEDIA_TYPE, problem);
    }
}
