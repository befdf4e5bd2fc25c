package io.casedesk.handoff.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.model.KnowledgeGap;
import io.casedesk.handoff.model.KnowledgeGroup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Groups knowledge gaps by meaning, on the scheduler's worker thread: each new gap's question is embedded with the
 * responder's in-process model (bge-small-zh v1.5, quantized) and joins the group whose centroid is closest if their
 * cosine similarity reaches {@code casedesk.handoff.knowledge.similarity-threshold}, else starts a group. The model
 * is loaded on the first gap, here, so neither start-up nor a request waits for it. A question asked word for word
 * before (many customers ask the same short question; a re-asked gap repeats the question the bot answered) reuses
 * that question's vector, counted as {@code casedesk.handoff.knowledge.gap.embeddings{source=reused}}.
 * <p>
 * {@code grouping-interval} {@code off} never schedules it: the tests do so (one run would otherwise race every test's
 * truncating set-up for the knowledge tables' locks) and the knowledge tests call {@link #groupNewGaps()} themselves.
 */
// Created at start-up so that its counters are there (at 0) before the first gap; the model still loads on that gap.
@Startup
@ApplicationScoped
public class KnowledgeGrouping {

    private static final Logger LOG = Logger.getLogger(KnowledgeGrouping.class);

    private record Pending(long id, String question) {
    }

    /** Questions whose vectors are kept for reuse: a few hundred kilobytes. */
    private static final int KEPT_VECTORS = 1_000;

    private final HandoffConfig config;
    private final Cache<String, float[]> vectors = Caffeine.newBuilder().maximumSize(KEPT_VECTORS).build();
    private final Counter computed;
    private final Counter reused;
    private volatile EmbeddingModel model;

    public KnowledgeGrouping(HandoffConfig config, MeterRegistry registry) {
        this.config = config;
        this.computed = embeddings(registry, "computed");
        this.reused = embeddings(registry, "reused");
    }

    private static Counter embeddings(MeterRegistry registry, String source) {
        return Counter.builder("casedesk.handoff.knowledge.gap.embeddings").tag("source", source)
                .description("Knowledge gaps' questions embedded for grouping, or whose earlier vector was reused")
                .register(registry);
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${casedesk.handoff.knowledge.grouping-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        groupNewGaps();
    }

    /** Embeds and groups up to {@code grouping-batch} new gaps; how many it took. */
    public synchronized int groupNewGaps() {
        List<Pending> pending = QuarkusTransaction.requiringNew().call(() -> KnowledgeGap
                .ungrouped(config.knowledge().groupingBatch()).stream().map(g -> new Pending(g.id, g.question)).toList());
        for (Pending gap : pending) {
            // Embedded outside the transaction: no database lock waits for the model.
            float[] embedding = vectorOf(gap.question());
            QuarkusTransaction.requiringNew().run(() -> join(gap.id(), embedding));
        }
        return pending.size();
    }

    /** Puts the gap into the closest group above the threshold, or a new one; a gap grouped meanwhile stays. */
    private void join(long gapId, float[] embedding) {
        KnowledgeGap gap = KnowledgeGap.findById(gapId, LockModeType.PESSIMISTIC_WRITE);
        if (gap == null || gap.groupId != null) {
            return;
        }
        KnowledgeGroup closest = null;
        double best = -1;
        for (KnowledgeGroup group : KnowledgeGroup.<KnowledgeGroup>listAll()) {
            double similarity = CosineSimilarity.between(Embedding.from(embedding), Embedding.from(group.vector()));
            if (similarity > best) {
                best = similarity;
                closest = group;
            }
        }
        if (closest != null && best >= config.knowledge().similarityThreshold()) {
            KnowledgeGroup.<KnowledgeGroup>findById(closest.id, LockModeType.PESSIMISTIC_WRITE).add(embedding,
                    gap.askedAt);
            gap.groupId = closest.id;
        } else {
            KnowledgeGroup group = KnowledgeGroup.of(embedding, gap.askedAt);
            group.persist();
            gap.groupId = group.id;
        }
        LOG.debugf("Knowledge gap %s in group %s (closest similarity %s)", gapId, gap.groupId, String.format("%.2f", best));
    }

    /** The question's vector: the one computed for the same text before, or a new one. */
    private float[] vectorOf(String question) {
        float[] known = vectors.getIfPresent(question);
        if (known != null) {
            reused.increment();
            return known;
        }
        float[] vector = model().embed(question).content().vector();
        computed.increment();
        vectors.put(question, vector);
        return vector;
    }

    private EmbeddingModel model() {
        if (model == null) {
            long started = System.nanoTime();
            // Runnable::run: embed on this worker's thread, one short question at a time.
            model = new BgeSmallZhV15QuantizedEmbeddingModel(Runnable::run);
            LOG.infof("Embedding model for knowledge gaps loaded in %d ms", (System.nanoTime() - started) / 1_000_000);
        }
        return model;
    }
}
