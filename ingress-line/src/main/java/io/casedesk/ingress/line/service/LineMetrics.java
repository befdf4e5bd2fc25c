package io.casedesk.ingress.line.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** The counters of this service, exposed on {@code /q/metrics}. */
@Singleton
public class LineMetrics {

    private final MeterRegistry registry;

    public LineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A file handoff asked for: {@code served}, {@code too_large}, {@code not_found} or {@code failed}. */
    public void attachment(String outcome) {
        registry.counter("casedesk.line.attachments", "outcome", outcome).increment();
    }

    public void webhookAccepted() {
        registry.counter("casedesk.line.webhooks.accepted").increment();
    }

    /** @param reason {@code too_large}, {@code signature}, {@code malformed}, {@code warming_up} or {@code publish_failed} */
    public void webhookRejected(String reason) {
        registry.counter("casedesk.line.webhooks.rejected", "reason", reason).increment();
    }

    public void eventPublished() {
        registry.counter("casedesk.line.events.published").increment();
    }

    public void eventDuplicate() {
        registry.counter("casedesk.line.events.duplicates").increment();
    }

    /** An event that maps to no inbound message, by LINE event type (after signature check, so LINE chose it). */
    public void eventIgnored(String eventType, String reason) {
        registry.counter("casedesk.line.events.ignored", "type", eventType, "reason", reason).increment();
    }

    /**
     * @param method  {@code reply} or {@code push}
     * @param outcome {@code sent}, {@code failed} or {@code duplicate}
     */
    public void send(String method, String outcome) {
        registry.counter("casedesk.line.sends", "method", method, "outcome", outcome).increment();
    }
}
