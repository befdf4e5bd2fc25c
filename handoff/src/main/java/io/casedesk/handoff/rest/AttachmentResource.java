package io.casedesk.handoff.rest;

import io.casedesk.handoff.model.AttachmentState;
import io.casedesk.handoff.model.TicketAttachment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Downloads of the files customers sent. What a customer sends is untrusted: it is always served as a download
 * ({@code Content-Disposition: attachment}), never sniffed by the browser ({@code nosniff}) and sandboxed should it
 * be opened anyway; only raster images may be shown inline, as thumbnails in the ticket.
 */
@Path("/api/v1/inbox/tickets/{id}/attachments")
@RolesAllowed({InboxResource.AGENT, InboxResource.SUPERVISOR})
@Tag(name = "inbox", description = "The agent inbox: signed-in agents and supervisors")
@SecurityRequirement(name = HandoffApi.INBOX_SESSION)
@APIResponse(responseCode = "302", description = HandoffApi.NOT_SIGNED_IN)
@APIResponse(responseCode = "403", description = HandoffApi.FORBIDDEN)
public class AttachmentResource {

    /** Images a browser draws without running anything (no SVG: it may carry script). */
    private static final Set<String> INLINE_IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

    @GET
    @Path("/{attachmentId}")
    @Operation(operationId = "downloadAttachment", summary = "A file the customer sent, as a download; with "
            + "inline=true a JPEG, PNG, GIF or WebP image is served for showing in the page")
    @APIResponse(responseCode = "200", description = "The file's bytes, with the type the channel gave",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            format = "binary")))
    @APIResponse(responseCode = "404", description = "not_found: no such ticket or file")
    @APIResponse(responseCode = "409", description = "not_stored: the file is not here (pending, too_large, "
            + "unavailable or purged; the ticket's attachments say which)")
    public Response download(@Parameter(description = "The ticket's id") @PathParam("id") String ticketId,
                             @Parameter(description = "The file's id in the ticket") @PathParam("attachmentId")
                             long attachmentId,
                             @Parameter(description = "Show an image in the page instead of downloading it")
                             @QueryParam("inline") boolean inline) {
        TicketAttachment.Listed file = QuarkusTransaction.requiringNew().call(() ->
                TicketAttachment.<TicketAttachment>find("id = ?1 and ticketId = ?2", attachmentId, ticketId)
                        .project(TicketAttachment.Listed.class).firstResult());
        if (file == null) {
            return Problem.of(404, "not_found", "No such attachment", "No attachment " + attachmentId
                    + " in ticket " + ticketId).response().build();
        }
        if (file.state() != AttachmentState.STORED) {
            return Problem.of(409, "not_stored", "Attachment not stored", "The attachment is "
                    + file.state().name().toLowerCase(Locale.ROOT)).response().build();
        }
        byte[] content = QuarkusTransaction.requiringNew().call(() ->
                TicketAttachment.<TicketAttachment>findById(attachmentId).content);
        String type = safeType(file.mediaType());
        boolean showInline = inline && INLINE_IMAGES.contains(type);
        return Response.ok(content, type)
                .header("Content-Disposition", (showInline ? "inline" : "attachment") + "; " + fileName(file))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    /** The channel's type when it is a well-formed one, else bytes with no claim. */
    private static String safeType(String mediaType) {
        if (mediaType == null) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        String base = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return MEDIA_TYPE.matcher(base).matches() ? base : MediaType.APPLICATION_OCTET_STREAM;
    }

    /** An ASCII fallback and the real name (RFC 6266, RFC 8187); no quotes, slashes or control characters. */
    private static String fileName(TicketAttachment.Listed file) {
        String name = file.name() != null && !file.name().isBlank() ? file.name()
                : (file.kind() != null ? file.kind() : "attachment") + "-" + file.id();
        String cleaned = name.replaceAll("[\\p{Cntrl}\"\\\\/]", "_");
        String ascii = cleaned.replaceAll("[^\\x20-\\x7e]", "_");
        return "filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(cleaned, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
