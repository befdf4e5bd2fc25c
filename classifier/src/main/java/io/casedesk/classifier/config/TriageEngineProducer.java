package io.casedesk.classifier.config;

import io.casedesk.classifier.service.TriageEngine;
import io.casedesk.classifier.service.rules.LocalRulesTriageEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the configured {@link TriageEngine}; an unknown name stops the service at start-up. */
@ApplicationScoped
public class TriageEngineProducer {

    @Produces
    @ApplicationScoped
    TriageEngine triageEngine(ClassifierConfig config) {
        return switch (config.engine()) {
            case LocalRulesTriageEngine.NAME -> new LocalRulesTriageEngine(config.defaultChineseScript());
            default -> throw new IllegalStateException("Unknown triage engine '" + config.engine()
                    + "' in casedesk.classifier.engine; known: " + LocalRulesTriageEngine.NAME);
        };
    }
}
