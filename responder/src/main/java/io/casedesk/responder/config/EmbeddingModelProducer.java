package io.casedesk.responder.config;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.casedesk.responder.service.knowledge.QuestionEmbedder;
import io.casedesk.schema.TextEmbedding;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/**
 * The in-process embedding model for knowledge-base retrieval: bge-small-zh v1.5 (quantized ONNX, shipped in a Maven
 * artifact), which reads Chinese and English. Loaded once, at start-up, so no customer waits for it.
 */
@ApplicationScoped
public class EmbeddingModelProducer {

    @Produces
    @ApplicationScoped
    EmbeddingModel embeddingModel() {
        // One thread, the caller's: the responder embeds one short question per message.
        return new OneThreadBgeSmallZhModel();
    }

    /**
     * Questions embedded by that model, or the classifier's vector reused when it embedded the same text with the same
     * model; where each came from is counted ({@code casedesk_responder_question_embeddings_total{source}}).
     */
    @Produces
    @ApplicationScoped
    QuestionEmbedder questionEmbedder(EmbeddingModel model, MeterRegistry metrics) {
        return new QuestionEmbedder(model, TextEmbedding.BGE_SMALL_ZH_V15_Q,
                source -> metrics.counter("casedesk.responder.question.embeddings", "source", source).increment());
    }

    void load(@Observes StartupEvent startup, EmbeddingModel model) {
        model.embed("warm-up");
    }
}
