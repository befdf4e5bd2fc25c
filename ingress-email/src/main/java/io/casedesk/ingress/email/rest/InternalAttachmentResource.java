package io.casedesk.ingress.email.rest;

import io.casedesk.ingress.email.config.EmailConfig;
import io.casedesk.ingress.email.service.MailboxAttachments;
import io.casedesk.schema.security.KeyDigests;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.mail.MessagingException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The files customers sent by mail, for handoff only: {@code GET /internal/attachments/{part}?source=<Message-ID>}
 * reads the mail again from the support mailbox and answers with the decoded part, up to the size limit (413 past
 * it). Only the holder of the attachment key (its SHA-256 configured) gets in.
 */
@Path("/internal/attachments")
public class InternalAttachmentResource {

    private static final Logger LOG = Logger.getLogger(InternalAttachmentResource.class);

    private final MailboxAttachments mailbox;
    private final MeterRegistry registry;
    private final List<byte[]> keyDigests;
    private final boolean imapEnabled;

    public InternalAttachmentResource(MailboxAttachments mailbox, EmailConfig config, MeterRegistry registry) {
        this.mailbox = mailbox;
        this.registry = registry;
        this.keyDigests = KeyDigests.configured(config.attachments().keySha256(),
                "casedesk.email.attachments.key-sha256");
        this.imapEnabled = config.imap().enabled();
    }

    @GET
    @Path("/{part}")
    @Blocking
    public Response content(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                            @PathParam("part") String part, @QueryParam("source") String messageId) {
        if (!KeyDigests.authorizes(authorization, keyDigests)) {
            return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", "unauthorized")).build();
        }
        if (!imapEnabled || messageId == null || !messageId.matches("<[^<>\\s]{1,990}>") || !part.matches("1(\\.\\d{1,4}){0,32}")) {
            return answer(Response.Status.NOT_FOUND, "not_found");
        }
        try {
            MailboxAttachments.Found found = mailbox.find(messageId, part);
            if (found instanceof MailboxAttachments.File file) {
                count("served");
                return Response.ok(file.bytes(), file.mediaType()).build();
            }
            return found instanceof MailboxAttachments.TooLarge ? answer(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "too_large") : answer(Response.Status.NOT_FOUND, "not_found");
        } catch (MessagingException | IOException e) {
            LOG.infof("Attachment %s of a mail not read: %s", part, e.getClass().getSimpleName());
            return answer(Response.Status.BAD_GATEWAY, "mailbox_unavailable");
        }
    }

    private Response answer(Response.Status status, String error) {
        count(error);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", error)).build();
    }

    private void count(String outcome) {
        registry.counter("casedesk.email.attachments", "outcome", outcome).increment();
    }
}
