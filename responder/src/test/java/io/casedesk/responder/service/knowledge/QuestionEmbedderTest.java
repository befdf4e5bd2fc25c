package io.casedesk.responder.service.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.casedesk.schema.TextEmbedding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A question's vector comes from the classifier only when it is the same model's, of the same text, and checks out. */
class QuestionEmbedderTest {

    private static final String MODEL = TextEmbedding.BGE_SMALL_ZH_V15_Q;
    private static final String QUESTION = "What are your office hours?";

    /** A model whose vector of a text is its length and first character; it counts what it embeds. */
    private static final class CountingModel implements EmbeddingModel {
        final List<String> embedded = new ArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.forEach(segment -> embedded.add(segment.text()));
            return Response.from(segments.stream()
                    .map(segment -> Embedding.from(new float[]{segment.text().length(), segment.text().charAt(0), 1}))
                    .toList());
        }
    }

    private final CountingModel model = new CountingModel();
    private final List<String> sources = new ArrayList<>();
    private final QuestionEmbedder embedder = new QuestionEmbedder(model, MODEL, sources::add);

    private static TextEmbedding fromTheClassifier(String text, float... vector) {
        return TextEmbedding.of(MODEL, text, vector);
    }

    @Test
    void theClassifiersVectorOfTheSameTextIsUsedOnceTheFirstOnesCheckedOut() {
        TextEmbedding known = fromTheClassifier(QUESTION, QUESTION.length(), 'W', 1);

        for (int i = 0; i < QuestionEmbedder.CHECKED + 2; i++) {
            embedder.embed(QUESTION, known);
        }

        assertThat(model.embedded).hasSize(QuestionEmbedder.CHECKED);
        assertThat(sources).containsOnly("reused").hasSize(QuestionEmbedder.CHECKED + 2);
    }

    @Test
    void anotherTextOrAnotherModelIsEmbeddedHere() {
        embedder.embed("What are your fees?", fromTheClassifier(QUESTION, 1, 2, 3));
        embedder.embed(QUESTION, TextEmbedding.of("all-minilm-l6-v2/mean", QUESTION, new float[]{1, 2, 3}));
        embedder.embed(QUESTION, null);

        assertThat(model.embedded).containsExactly("What are your fees?", QUESTION, QUESTION);
        assertThat(sources).containsExactly("computed", "computed", "computed");
    }

    @Test
    void aVectorUnlikeThisModelsOwnEndsTheReuse() {
        float[] vector = embedder.embed(QUESTION, fromTheClassifier(QUESTION, 0, 0, 1));
        embedder.embed(QUESTION, fromTheClassifier(QUESTION, QUESTION.length(), 'W', 1));

        assertThat(vector).containsExactly(KnowledgeIndex.unit(new float[]{QUESTION.length(), 'W', 1}));
        assertThat(sources).containsExactly("mismatch", "computed");
    }

    @Test
    void aComputingEmbedderNeverReuses() {
        QuestionEmbedder computing = QuestionEmbedder.computing(model);

        computing.embed(QUESTION, fromTheClassifier(QUESTION, QUESTION.length(), 'W', 1));

        assertThat(model.embedded).containsExactly(QUESTION);
    }
}
