package io.casedesk.handoff.service;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.model.KnowledgeGap;
import io.casedesk.handoff.model.KnowledgeGroup;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Groups knowledge gaps by meaning, on the scheduler's worker thread: each new gap's question is embedded with the
 * responder's in-process model (bge-small-zh v1.5, quantized) and joins the group whose centroid is closest if their
 * cosine similarity reaches {@code casedesk.handoff.knowledge.similarity-threshold}, else starts a group. The model
 * is loaded on the first gap, here, so neither start-up nor a request waits for it.
 * <p>
 * {@code grouping-interval} {@code off} never schedules it: the tests do so (one run would otherwise race every test's
 * truncating set-up for the knowledge tables' locks) and the knowledge tests call {@link #groupNewGaps()} themselves.
 */
@ApplicationScoped
public class KnowledgeGrouping {

    private static final Logger LOG = Logger.getLogger(KnowledgeGrouping.class);

    private record Pending(long id, String question) {
    }

    private final HandoffConfig config;
    private volatile EmbeddingModel model;

    public KnowledgeGrouping(HandoffConfig config) {
        this.config = config;
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
            float[] embedding = model().embed(gap.question()).content().vector();
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
