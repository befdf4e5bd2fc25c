package io.casedesk.responder.config;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** In the application, where the tokenizer's native library is loaded once for both models. */
@QuarkusTest
class OneThreadBgeSmallZhModelTest {

    @Inject
    EmbeddingModel oneThread;

    /** The retrieval's thresholds were chosen with LangChain4j's model: one thread must not move an embedding. */
    @Test
    void embedsAsLangChain4jsModelDoes() {
        BgeSmallZhV15QuantizedEmbeddingModel langChain4j = new BgeSmallZhV15QuantizedEmbeddingModel();

        for (String text : List.of("請問下次開庭是什麼時候？", "How long do you keep client files after a case is closed?",
                "律师费可以分期吗")) {
            float[] ours = oneThread.embed(text).content().vector();
            float[] theirs = langChain4j.embed(text).content().vector();
            assertThat(ours).hasSize(theirs.length).hasSize(oneThread.dimension());
            for (int i = 0; i < ours.length; i++) {
                assertThat(ours[i]).as("dimension %d of %s", i, text).isCloseTo(theirs[i], within(1e-4f));
            }
        }
        assertThat(io.quarkus.arc.ClientProxy.unwrap(oneThread)).isInstanceOf(OneThreadBgeSmallZhModel.class);
    }
}
