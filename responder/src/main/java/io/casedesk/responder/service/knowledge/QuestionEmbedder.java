package io.casedesk.responder.service.knowledge;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.casedesk.schema.TextEmbedding;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A question's embedding: the classifier's, when it embedded exactly this text with the same model (most short
 * questions without numbers), else this model's. Embedding is most of what a knowledge search costs, and the classifier
 * has just done it. The first reused vectors are compared with this model's own as well: if they differ (the classifier
 * runs another model under the same name), nothing is reused from then on.
 */
public final class QuestionEmbedder {

    /** How many reused vectors are checked against this model's own. */
    static final int CHECKED = 3;
    /** Equal up to float rounding and the runtime's optimisation of the graph. */
    private static final double SAME = 0.999;

    private final EmbeddingModel model;
    private final String modelName;
    private final Consumer<String> counted;
    private final AtomicInteger checksLeft = new AtomicInteger(CHECKED);
    private volatile boolean trusted = true;

    /**
     * @param modelName {@code model}'s name as {@link TextEmbedding} gives it; {@code null}: nothing is reused
     * @param counted   told where each question's vector came from: {@code reused}, {@code computed}, or
     *                  {@code mismatch} when a checked one differed
     */
    public QuestionEmbedder(EmbeddingModel model, String modelName, Consumer<String> counted) {
        this.model = model;
        this.modelName = modelName;
        this.counted = counted;
    }

    /** Always this model's own vectors. */
    public static QuestionEmbedder computing(EmbeddingModel model) {
        return new QuestionEmbedder(model, null, source -> { });
    }

    public EmbeddingModel model() {
        return model;
    }

    /** The vector of {@code text}, of unit length; {@code known} is the embedding the message came with, if any. */
    float[] embed(String text, TextEmbedding known) {
        Optional<float[]> reused = known == null || modelName == null || !trusted ? Optional.empty()
                : known.vectorFor(modelName, text);
        if (reused.isEmpty()) {
            counted.accept("computed");
            return own(text);
        }
        float[] vector = KnowledgeIndex.unit(reused.get());
        if (checksLeft.getAndDecrement() > 0) {
            float[] own = own(text);
            if (own.length != vector.length || KnowledgeIndex.dot(own, vector) < SAME) {
                trusted = false;
                counted.accept("mismatch");
                return own;
            }
        }
        counted.accept("reused");
        return vector;
    }

    private float[] own(String text) {
        return KnowledgeIndex.unit(model.embed(text).content().vector());
    }
}
