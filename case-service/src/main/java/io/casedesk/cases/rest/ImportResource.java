package io.casedesk.cases.rest;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.annotation.security.RolesAllowed;
import io.casedesk.cases.config.ServiceRole;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.casedesk.cases.bundle.ImportSummary;
import io.casedesk.cases.service.BundleImporter;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/import")
@Tag(name = "import")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final BundleImporter importer;
    /** Reads the bundle as a tree, amounts as exact decimals, so that problems can be reported with their path. */
    private final ObjectReader bundleReader;

    public ImportResource(BundleImporter importer, ObjectMapper mapper) {
        this.importer = importer;
        this.bundleReader = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @POST
    @RolesAllowed(ServiceRole.IMPORT)
    @SecurityRequirement(name = CaseServiceApi.SERVICE_KEY, scopes = ServiceRole.IMPORT)
    @APIResponse(responseCode = "403", description = "forbidden: the key lacks the role " + ServiceRole.IMPORT,
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @Operation(operationId = "importBundle", summary = "Import a firm's data bundle",
            description = "Upserts the firm, customers (with their LINE and email identities), cases (with history) and "
                    + "articles in one transaction. Importing the same bundle again changes nothing.")
    @RequestBody(description = "The bundle, shaped as DESIGN.md §7 describes", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "Imported")
    @APIResponse(responseCode = "400", description = "Not JSON",
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "422", description = "Invalid bundle: every problem is listed and nothing was written",
            content = @Content(mediaType = ApiError.MEDIA_TYPE, schema = @Schema(implementation = ApiError.class)))
    public ImportSummary importBundle(String body) {
        return importer.importBundle(parse(body));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : bundleReader.readTree(body);
        } catch (JsonProcessingException e) {
            // Only the location: the parser's own message may quote the bundle.
            var location = e.getLocation();
            throw new BadRequestException(location == null ? "The body is not valid JSON"
                    : "The body is not valid JSON (line " + location.getLineNr() + ", column "
                            + location.getColumnNr() + ")");
        }
    }
}
