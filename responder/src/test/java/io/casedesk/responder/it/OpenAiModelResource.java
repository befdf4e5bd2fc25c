package io.casedesk.responder.it;

import io.casedesk.infra.test.OpenAiStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the responder's {@code openai} engine at a local OpenAI-protocol stand-in, with a short timeout. */
public class OpenAiModelResource implements QuarkusTestResourceLifecycleManager {

    static final String TIMEOUT = "3s";
    static OpenAiStandIn model;

    @Override
    public Map<String, String> start() {
        model = OpenAiStandIn.start();
        return Map.of(
                "casedesk.responder.engine", "openai",
                "casedesk.responder.openai.base-url", model.baseUrl(),
                "casedesk.responder.openai.api-key", "it-key",
                "casedesk.responder.openai.model", "stand-in",
                "casedesk.responder.openai.timeout", TIMEOUT);
    }

    @Override
    public void stop() {
        model.close();
    }
}
