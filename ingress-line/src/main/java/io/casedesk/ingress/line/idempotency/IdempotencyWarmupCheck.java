package io.casedesk.ingress.line.idempotency;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready before the recent ids are read back from Kafka: until then duplicates could slip through. */
@Readiness
@Singleton
public class IdempotencyWarmupCheck implements HealthCheck {

    private final IdempotencyWarmup warmup;

    public IdempotencyWarmupCheck(IdempotencyWarmup warmup) {
        this.warmup = warmup;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("line-idempotency-warmup").status(warmup.isDone());
        RecentIdsReader.Counts counts = warmup.counts();
        if (counts != null) {
            response.withData("inboundEvents", counts.inboundEvents())
                    .withData("sentOutboundEvents", counts.sentOutboundEvents())
                    .withData("unsentMessages", counts.unsentMessages());
        }
        return response.build();
    }
}
