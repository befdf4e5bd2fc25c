package io.casedesk.odoo.rest;

import io.casedesk.odoo.service.ChatterWriter;
import io.casedesk.odoo.service.SyncService;
import io.casedesk.odoo.service.SyncStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code odoo-sync} at {@code /q/health/ready}: UP and {@code "state":"ok"} when the last run succeeded; UP and
 * {@code "degraded"} while runs fail but the last success is recent (case-service keeps the last good data); DOWN
 * when no run has succeeded for {@code casedesk.odoo.sync.down-after}. The chatter outbox's backlog is shown too.
 */
@Readiness
@ApplicationScoped
public class SyncHealth implements HealthCheck {

    public enum Status { OK, STARTING, DEGRADED, DOWN }

    private static final Instant STARTED = Instant.now();

    private final SyncService sync;
    private final SyncStore store;
    private final ChatterWriter chatter;

    public SyncHealth(SyncService sync, SyncStore store, ChatterWriter chatter) {
        this.sync = sync;
        this.store = store;
        this.chatter = chatter;
    }

    static Status classify(SyncService.State state, Duration downAfter) {
        if (state.consecutiveFailures() == 0) {
            return state.lastSuccessAt() == null ? Status.STARTING : Status.OK;
        }
        Instant since = state.lastSuccessAt() == null ? STARTED : state.lastSuccessAt();
        return Duration.between(since, Instant.now()).compareTo(downAfter) > 0 ? Status.DOWN : Status.DEGRADED;
    }

    @Override
    public HealthCheckResponse call() {
        SyncService.State state = sync.state();
        Status status = classify(state, sync.config().sync().downAfter());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("odoo-sync").status(status != Status.DOWN)
                .withData("state", status.name().toLowerCase())
                .withData("consecutiveFailures", state.consecutiveFailures());
        if (state.lastSuccessAt() != null) {
            response.withData("lastSuccessAt", state.lastSuccessAt().toString());
        }
        if (state.lastRun() != null && state.lastRun().error() != null) {
            response.withData("lastError", state.lastRun().error());
        }
        try {
            response.withData("chatterPending", store.outboxCounts().getOrDefault("pending", 0L));
        } catch (IllegalStateException e) {
            response.down().withData("database", "unreachable");
        }
        if (chatter.lastError() != null) {
            response.withData("chatterLastError", chatter.lastError());
        }
        return response.build();
    }
}
