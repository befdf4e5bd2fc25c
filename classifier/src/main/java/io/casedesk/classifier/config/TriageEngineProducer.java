package io.casedesk.classifier.config;

import io.casedesk.classifier.service.TriageEngine;
import io.casedesk.classifier.service.embedding.EmbeddingTriageEngine;
import io.casedesk.classifier.service.openai.OpenAiTriageEngine;
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
            case LocalRulesTriageEngine.NAME -> rules(config);
            case EmbeddingTriageEngine.NAME -> local(config);
            case OpenAiTriageEngine.NAME -> openAi(config);
            default -> throw new IllegalStateException("Unknown triage engine '" + config.engine()
                    + "' in casedesk.classifier.engine; known: " + EmbeddingTriageEngine.NAME + ", "
                    + LocalRulesTriageEngine.NAME + ", " + OpenAiTriageEngine.NAME);
        };
    }

    static LocalRulesTriageEngine rules(ClassifierConfig config) {
        return new LocalRulesTriageEngine(config.defaultChineseScript());
    }

    /** Loads the embedding model once and learns from the module's training examples. */
    static EmbeddingTriageEngine local(ClassifierConfig config) {
        return EmbeddingTriageEngine.withBundledModel(rules(config));
    }

    /** The chat model, with the local engine for when it times out or fails. */
    static OpenAiTriageEngine openAi(ClassifierConfig config) {
        ClassifierConfig.OpenAi openAi = config.openai();
        String apiKey = openAi.apiKey().orElseThrow(() -> new IllegalStateException(
                "casedesk.classifier.openai.api-key (OPENAI_API_KEY) is required for the openai engine"));
        return new OpenAiTriageEngine(
                OpenAiTriageEngine.chatModel(openAi.baseUrl(), apiKey, openAi.model(), openAi.timeout()),
                openAi.model(), local(config), rules(config));
    }
}
