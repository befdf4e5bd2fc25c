package io.casedesk.ingress.line.rest;

import io.casedesk.ingress.line.config.LineConfig;
import io.casedesk.ingress.line.idempotency.IdempotencyWarmup;
import io.casedesk.ingress.line.mapping.MalformedWebhookException;
import io.casedesk.ingress.line.mapping.ReceivedWebhook;
import io.casedesk.ingress.line.mapping.WebhookBodyReader;
import io.casedesk.ingress.line.service.LineMetrics;
import io.casedesk.ingress.line.service.WebhookIngest;
import io.casedesk.ingress.line.service.WebhookSignatureVerifier;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TraceSpans;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * LINE's webhook. The signature is checked on the raw bytes before anything is read from them; the answer
 * is 200 only once the broker acknowledged every event, so LINE redelivers what was not stored.
 */
@Path("/line/webhook")
public class LineWebhookResource {

    private static final Logger LOG = Logger.getLogger(LineWebhookResource.class);

    private final long maxBodyBytes;
    private final WebhookSignatureVerifier signatures;
    private final WebhookBodyReader reader;
    private final WebhookIngest ingest;
    private final LineMetrics metrics;
    private final IdempotencyWarmup warmup;

    public LineWebhookResource(LineConfig config, WebhookSignatureVerifier signatures, WebhookBodyReader reader,
            WebhookIngest ingest, LineMetrics metrics, IdempotencyWarmup warmup) {
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.signatures = signatures;
        this.reader = reader;
        this.ingest = ingest;
        this.metrics = metrics;
        this.warmup = warmup;
    }

    /**
     * LINE sends no {@code traceparent}; a proxy in front of CaseDesk (or the LINE simulator) may. The events of
     * the webhook continue that trace when it is valid, and start a new one otherwise; with tracing on, under the
     * span of this request.
     */
    @POST
    public Uni<Response> receive(@RestHeader("X-Line-Signature") String signature,
            @RestHeader(TraceContext.HEADER) String traceparent, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > maxBodyBytes) {
            return reject(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too_large");
        }
        if (!signatures.isValid(signature, raw)) {
            return reject(Response.Status.UNAUTHORIZED, "signature");
        }
        if (!warmup.isDone()) {
            // Without the ids of before the restart a redelivered event would be published twice; LINE redelivers.
            return reject(Response.Status.SERVICE_UNAVAILABLE, "warming_up");
        }
        ReceivedWebhook webhook;
        try {
            webhook = reader.read(raw);
        } catch (MalformedWebhookException e) {
            LOG.infof("Webhook refused: %s", e.getMessage());
            return reject(Response.Status.BAD_REQUEST, "malformed");
        }
        return ingest.ingest(webhook, TraceSpans.currentOrChildOf(traceparent))
                .map(published -> {
                    metrics.webhookAccepted();
                    return Response.ok().build();
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Webhook with %d event(s) not stored, LINE will redeliver it: %s",
                            webhook.events().size(), failure.getMessage());
                    metrics.webhookRejected("publish_failed");
                    return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
                });
    }

    private Uni<Response> reject(Response.Status status, String reason) {
        LOG.debugf("Webhook refused with %d: %s", status.getStatusCode(), reason);
        metrics.webhookRejected(reason);
        return Uni.createFrom().item(Response.status(status).build());
    }
}
