package io.casedesk.ingress.line.rest;

import com.linecorp.bot.client.base.BlobContent;
import com.linecorp.bot.client.base.Result;
import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiBlobClient;
import io.casedesk.ingress.line.config.LineConfig;
import io.casedesk.ingress.line.service.LineMetrics;
import io.casedesk.schema.security.KeyDigests;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The files customers sent, for handoff only: {@code GET /internal/attachments/{messageId}} reads the message's content
 * from LINE's content API with the official SDK and passes it on, up to the size limit (a larger file is not read past
 * it: 413). Only the holder of the attachment key (its SHA-256 configured) gets in; the webhook's route never leads
 * here (the Kubernetes route exposes only {@code /line/webhook}).
 */
@Path("/internal/attachments")
public class InternalAttachmentResource {

    private static final Logger LOG = Logger.getLogger(InternalAttachmentResource.class);

    private final MessagingApiBlobClient blobs;
    private final LineMetrics metrics;
    private final List<byte[]> keyDigests;
    private final long maxBytes;
    private final long timeoutMillis;

    public InternalAttachmentResource(MessagingApiBlobClient blobs, LineConfig config, LineMetrics metrics) {
        this.blobs = blobs;
        this.metrics = metrics;
        this.keyDigests = KeyDigests.configured(config.attachments().keySha256(),
                "casedesk.line.attachments.key-sha256");
        this.maxBytes = config.attachments().maxBytes().asLongValue();
        this.timeoutMillis = config.attachments().timeout().toMillis();
    }

    @GET
    @Path("/{messageId}")
    @Blocking
    public Response content(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                            @PathParam("messageId") String messageId) {
        if (!KeyDigests.authorizes(authorization, keyDigests)) {
            return status(Response.Status.UNAUTHORIZED, "unauthorized");
        }
        // LINE's message ids are digits; anything else names no content.
        if (!messageId.matches("\\d{1,32}")) {
            return status(Response.Status.NOT_FOUND, "not_found");
        }
        CompletableFuture<Result<BlobContent>> call = blobs.getMessageContent(messageId);
        try {
            Result<BlobContent> result = call.get(timeoutMillis, TimeUnit.MILLISECONDS);
            try (InputStream in = result.body().byteStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
                if (bytes.length > maxBytes) {
                    metrics.attachment("too_large");
                    return status(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too_large");
                }
                metrics.attachment("served");
                String type = result.body().mimeType();
                return Response.ok(bytes, type == null ? MediaType.APPLICATION_OCTET_STREAM : type).build();
            }
        } catch (ExecutionException e) {
            int code = e.getCause() instanceof AbstractLineClientException line ? line.getCode() : -1;
            LOG.infof("LINE content of message %s not read: %s", messageId, code == -1
                    ? e.getCause().getClass().getSimpleName() : "HTTP " + code);
            if (code == 404 || code == 410) {
                metrics.attachment("not_found");
                return status(Response.Status.NOT_FOUND, "not_found");
            }
        } catch (TimeoutException | IOException e) {
            // An answer that comes after all is closed, so its connection goes back to the pool.
            call.thenAccept(late -> close(late.body()));
            LOG.infof("LINE content of message %s not read: %s", messageId, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.attachment("failed");
        return status(Response.Status.BAD_GATEWAY, "line_unavailable");
    }

    private static void close(BlobContent content) {
        try (InputStream in = content.byteStream()) {
            LOG.debug("Closed a late LINE content answer");
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }

    private static Response status(Response.Status status, String error) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity("{\"error\":\"" + error + "\"}");
        if (status == Response.Status.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }
}
