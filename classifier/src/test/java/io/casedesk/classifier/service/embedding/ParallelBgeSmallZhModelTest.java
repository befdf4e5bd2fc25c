package io.casedesk.classifier.service.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.casedesk.classifier.support.InMemoryChannels;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parallel model gives, text for text and in the input order, the embedding LangChain4j's model gives, and a text
 * gets the same embedding alone as in a list of texts of very different lengths. A {@code @QuarkusTest} for the tokenizer's native library
 * (see {@link EmbeddingTriageEngineTest}).
 */
@QuarkusTest
@WithTestResource(InMemoryChannels.class)
class ParallelBgeSmallZhModelTest {

    @Test
    void embedsAListAsTheReferenceModelEmbedsEachText() {
        List<String> texts = IntStream.range(0, 19)
                .mapToObj(i -> switch (i % 4) {
                    case 0 -> "請問我的案子目前進度如何？" + "，".repeat(i);
                    case 1 -> "Hi";
                    case 2 -> "Could you send me the invoice for March again? I cannot find it in my mailbox. ".repeat(1 + i % 3);
                    default -> "明天就要開庭了，我還沒拿到答辯狀，真的很擔心 " + i;
                })
                .toList();
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();

        ParallelBgeSmallZhModel model = new ParallelBgeSmallZhModel(2);
        List<Embedding> batched = model.embedAll(segments).content();
        BgeSmallZhV15QuantizedEmbeddingModel reference = new BgeSmallZhV15QuantizedEmbeddingModel();

        assertThat(batched).hasSize(texts.size());
        List<float[]> expected = texts.stream().map(text -> reference.embed(text).content().vector()).toList();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(batched.get(i).vector(), expected.get(i))).as("text %d", i).isGreaterThan(0.999);
            assertThat(batched.get(i).vector()).as("text %d alone", i)
                    .containsExactly(model.embed(texts.get(i)).content().vector());
        }
        model.close();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
