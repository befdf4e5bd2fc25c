package io.casedesk.responder.config;

import dev.langchain4j.model.embedding.EmbeddingModel;
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

    void load(@Observes StartupEvent startup, EmbeddingModel model) {
        model.embed("warm-up");
    }
}
