package io.casedesk.responder.config;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
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
        // Runnable::run: embed on the caller's thread; the responder embeds one short query per message.
        return new BgeSmallZhV15QuantizedEmbeddingModel(Runnable::run);
    }

    void load(@Observes StartupEvent startup, EmbeddingModel model) {
        model.embed("warm-up");
    }
}
