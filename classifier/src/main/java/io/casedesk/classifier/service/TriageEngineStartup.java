package io.casedesk.classifier.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Builds the triage engine while the application starts instead of on the first message: the {@code local} engine
 * loads its model and learns from its examples (seconds), which the first message, or a readiness probe that already
 * said ready, should not wait for. Runs before the messaging connectors start consuming.
 */
@ApplicationScoped
class TriageEngineStartup {

    private static final Logger LOG = Logger.getLogger(TriageEngineStartup.class);

    void buildEngine(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, TriageEngine engine) {
        long start = System.nanoTime();
        // The engine is an application-scoped bean behind a proxy: its first call creates it.
        String name = engine.name();
        LOG.infof("Triage engine %s ready in %d ms", name, (System.nanoTime() - start) / 1_000_000);
    }
}
