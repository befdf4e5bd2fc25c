package io.casedesk.ingress.line.idempotency;

import io.casedesk.ingress.line.config.LineConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fills {@link ProcessedIds} from the Kafka log at startup (the last {@code casedesk.line.warmup-window}),
 * so a webhook event or an outbound record seen again after a restart is still recognised. Until it is done
 * the webhook answers 503 (LINE redelivers), the outbound consumer waits and readiness is DOWN. A failed read
 * (broker not reachable yet) is tried again until it succeeds.
 */
@Singleton
public class IdempotencyWarmup {

    private static final Logger LOG = Logger.getLogger(IdempotencyWarmup.class);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final ProcessedIds ids;
    private final RecentIdsReader reader;
    private final Duration window;
    private final CompletableFuture<RecentIdsReader.Counts> done = new CompletableFuture<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread warmup = new Thread(task, "ingress-line-warmup");
        warmup.setDaemon(true);
        return warmup;
    });

    @Inject
    public IdempotencyWarmup(ProcessedIds ids, LineConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.ids = ids;
        this.window = config.warmupWindow();
        this.reader = new RecentIdsReader(kafkaConfig, READ_TIMEOUT);
    }

    void start(@Observes StartupEvent startup) {
        thread.execute(this::warmUp);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        thread.shutdownNow();
    }

    public boolean isDone() {
        return done.isDone();
    }

    /** What the warm-up found, once it is done. */
    public RecentIdsReader.Counts counts() {
        return done.getNow(null);
    }

    /** Completes when the warm-up is done. */
    public Uni<Void> whenDone() {
        return Uni.createFrom().completionStage(done).replaceWithVoid();
    }

    private void warmUp() {
        Duration pause = Duration.ofSeconds(1);
        while (!Thread.currentThread().isInterrupted()) {
            Instant since = Instant.now().minus(window);
            try {
                long started = System.nanoTime();
                RecentIdsReader.Counts counts = reader.readInto(ids, since);
                LOG.infof("Idempotency warm-up since %s done in %d ms: %d inbound event(s), %d sent outbound event(s),"
                                + " %d unsent message(s), %d unreadable record(s)", since,
                        Duration.ofNanos(System.nanoTime() - started).toMillis(), counts.inboundEvents(),
                        counts.sentOutboundEvents(), counts.unsentMessages(), counts.unreadable());
                done.complete(counts);
                return;
            } catch (Exception e) {
                LOG.warnf("Idempotency warm-up failed, trying again in %d s: %s", pause.toSeconds(), e.toString());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
