package io.casedesk.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.Guard;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retries a read that failed for a passing reason, with exponential back-off (SmallRye Fault Tolerance); a refusal
 * by Odoo is not retried. Methods that write ({@code message_post}, {@code create}, {@code write}, {@code unlink})
 * are never retried here: a call that timed out may have been carried out, and only the caller can tell (the
 * chatter writer looks for its message before posting again).
 */
public final class RetryingTransport implements OdooClient.Transport {

    private static final Logger LOG = Logger.getLogger(RetryingTransport.class);

    private static final java.util.Set<String> READS = java.util.Set.of("search_read", "search", "search_count",
            "read");

    private final OdooClient.Transport delegate;
    private final Guard guard;

    public RetryingTransport(OdooClient.Transport delegate, int maxRetries, Duration initialDelay, Duration maxDelay,
            Runnable onRetry) {
        this.delegate = delegate;
        this.guard = Guard.create()
                .withDescription("odoo-call")
                .withRetry()
                .maxRetries(maxRetries)
                .delay(initialDelay.toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(1, ChronoUnit.DAYS)
                .whenException(failure -> failure instanceof OdooException odoo && odoo.isTransient())
                .beforeRetry(failure -> {
                    onRetry.run();
                    LOG.infof("Odoo call failed (%s); trying again", failure.getMessage());
                })
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(maxDelay.toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }

    @Override
    public JsonNode call(String model, String method, List<Long> ids, LinkedHashMap<String, Object> args,
            int positional, Map<String, Object> context) {
        if (!READS.contains(method)) {
            return delegate.call(model, method, ids, args, positional, context);
        }
        try {
            return guard.get(() -> delegate.call(model, method, ids, args, positional, context), JsonNode.class);
        } catch (OdooException e) {
            throw e;
        } catch (Exception e) {
            throw new OdooException(model + "." + method + ": " + e.getClass().getSimpleName(), null, 0, true, e);
        }
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
