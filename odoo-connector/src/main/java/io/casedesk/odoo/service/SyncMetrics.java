package io.casedesk.odoo.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The connector's metrics at {@code /q/metrics}: records read, changed, deleted and failed per model, sync runs
 * by kind and outcome, the lag behind Odoo (seconds since the last successful run started), Odoo call retries,
 * chatter posts by outcome and the chatter outbox's backlog.
 */
@ApplicationScoped
public class SyncMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSuccessStart = new AtomicReference<>();
    private final Counter retries;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.retries = Counter.builder("casedesk.odoo.call.retries").description("Odoo calls tried again")
                .register(registry);
        Gauge.builder("casedesk.odoo.sync.lag.seconds", this, SyncMetrics::lagSeconds)
                .description("Seconds since the start of the last successful sync run (NaN before the first)")
                .register(registry);
    }

    private double lagSeconds() {
        Instant start = lastSuccessStart.get();
        return start == null ? Double.NaN : Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    public void succeededRunStartedAt(Instant start) {
        lastSuccessStart.set(start);
    }

    public void retried() {
        retries.increment();
    }

    public void read(String model, int count) {
        counter("casedesk.odoo.records.read", "model", model).increment(count);
    }

    public void changed(String model, String change, int count) {
        counter("casedesk.odoo.records.changed", "model", model, "change", change).increment(count);
    }

    public void failed(String model, int count) {
        counter("casedesk.odoo.records.failed", "model", model).increment(count);
    }

    public void run(String kind, String outcome, Duration took) {
        Timer.builder("casedesk.odoo.sync.runs").tag("kind", kind).tag("outcome", outcome)
                .description("Sync runs").register(registry).record(took);
    }

    public void chatter(String outcome) {
        counter("casedesk.odoo.chatter.posts", "outcome", outcome).increment();
    }

    public void outboxBacklog(java.util.function.Supplier<Number> pending) {
        Gauge.builder("casedesk.odoo.chatter.pending", pending).description("Chatter messages waiting to be posted")
                .register(registry);
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(name + String.join(",", tags),
                key -> Counter.builder(name).tags(tags).register(registry));
    }
}
