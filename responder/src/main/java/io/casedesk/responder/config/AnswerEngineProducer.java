package io.casedesk.responder.config;

import io.casedesk.responder.service.AnswerEngine;
import io.casedesk.responder.service.LocalAnswerWriter;
import io.casedesk.responder.service.Phrase;
import io.casedesk.responder.service.Phrasebook;
import io.casedesk.responder.service.openai.OpenAiAnswerEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The answer engine named by {@code casedesk.responder.engine}; an unknown name stops the start-up. */
@ApplicationScoped
public class AnswerEngineProducer {

    @Produces
    @ApplicationScoped
    AnswerEngine answerEngine(ResponderConfig config) {
        return switch (config.engine()) {
            case LocalAnswerWriter.NAME -> new LocalAnswerWriter();
            case OpenAiAnswerEngine.NAME -> openAi(config.openai());
            default -> throw new IllegalStateException("Unknown answer engine '" + config.engine()
                    + "' in casedesk.responder.engine; known: " + LocalAnswerWriter.NAME + ", " + OpenAiAnswerEngine.NAME);
        };
    }

    private static AnswerEngine openAi(ResponderConfig.OpenAi openAi) {
        String apiKey = openAi.apiKey().filter(key -> !key.isBlank()).orElseThrow(() -> new IllegalStateException(
                "casedesk.responder.openai.api-key (OPENAI_API_KEY) is required for the openai engine"));
        return new OpenAiAnswerEngine(
                OpenAiAnswerEngine.chatModel(openAi.baseUrl(), apiKey, openAi.model(), openAi.timeout(), openAi.temperature()),
                openAi.model(), language -> Phrasebook.of(language).get(Phrase.AUTOMATED));
    }
}
