package io.casedesk.handoff.support;

import io.casedesk.infra.test.OpenAiStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points handoff's draft engine at a local OpenAI-protocol stand-in, with a short timeout, and the model's circuit
 * breaker opening only after ten failures (a test's own failures must not silence the model for the next test).
 */
public class OpenAiDraftModel implements QuarkusTestResourceLifecycleManager {

    public static final String TIMEOUT = "2s";
    public static OpenAiStandIn model;

    @Override
    public Map<String, String> start() {
        model = OpenAiStandIn.start();
        return Map.of(
                "casedesk.handoff.knowledge.draft-engine", "openai",
                "casedesk.handoff.knowledge.openai.base-url", model.baseUrl(),
                "casedesk.handoff.knowledge.openai.api-key", "it-key",
                "casedesk.handoff.knowledge.openai.model", "stand-in",
                "casedesk.handoff.knowledge.openai.timeout", TIMEOUT,
                "io.casedesk.handoff.service.ModelDrafts/write/CircuitBreaker/requestVolumeThreshold", "10");
    }

    @Override
    public void stop() {
        model.close();
    }
}
