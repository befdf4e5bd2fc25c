package io.casedesk.messaging.consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes {@link KeyOrderedConsumer}s for a service's channels: an {@code @Incoming} method returns
 * {@code consumers.of("inbound", this::handle)} and the records of that channel are handled concurrently, in order per
 * key. Per channel, {@code casedesk.consumer.<channel>.workers} threads (default 8) handle at most
 * {@code casedesk.consumer.<channel>.max-in-flight} records at a time (default 64). The channel's Kafka configuration
 * must keep the connector's {@code throttled} commit strategy (its default without auto-commit).
 */
@ApplicationScoped
public class KeyOrderedConsumers {

    private static final Logger LOG = Logger.getLogger(KeyOrderedConsumers.class);
    static final int DEFAULT_WORKERS = 8;
    static final int DEFAULT_MAX_IN_FLIGHT = 64;

    private final Config config;
    private final List<ExecutorService> pools = new CopyOnWriteArrayList<>();
    private final List<GroupCommit<?>> groupCommits = new CopyOnWriteArrayList<>();

    public KeyOrderedConsumers(Config config) {
        this.config = config;
    }

    public KeyOrderedConsumer of(String channel, KeyOrderedConsumer.Handler handler) {
        int workers = setting(channel, "workers", DEFAULT_WORKERS);
        int maxInFlight = Math.max(workers, setting(channel, "max-in-flight", DEFAULT_MAX_IN_FLIGHT));
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, channel + "-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pools.add(pool);
        LOG.debugf("Channel %s: %d workers, at most %d records in flight", channel, workers, maxInFlight);
        return new KeyOrderedConsumer(channel, handler, pool, maxInFlight);
    }

    /** A consumer whose handler does not block (it returns a stage): no worker threads, only the in-flight limit. */
    public KeyOrderedConsumer ofAsync(String channel, KeyOrderedConsumer.AsyncHandler handler) {
        int maxInFlight = setting(channel, "max-in-flight", DEFAULT_MAX_IN_FLIGHT);
        return new KeyOrderedConsumer(channel, handler, maxInFlight);
    }

    /**
     * A {@link GroupCommit} for the channel's writes, to use in an {@link #ofAsync} handler: at most
     * {@code casedesk.consumer.<channel>.max-group} items per transaction (default the channel's in-flight limit).
     */
    public <T> GroupCommit<T> groupCommit(String channel, GroupCommit.Writer<T> writer) {
        int maxGroup = setting(channel, "max-group", setting(channel, "max-in-flight", DEFAULT_MAX_IN_FLIGHT));
        GroupCommit<T> groupCommit = new GroupCommit<>(channel, maxGroup, writer);
        groupCommits.add(groupCommit);
        return groupCommit;
    }

    private int setting(String channel, String name, int fallback) {
        return config.getOptionalValue("casedesk.consumer." + channel + "." + name, Integer.class)
                .filter(value -> value > 0).orElse(fallback);
    }

    /** Lets records being handled finish (their offsets are committed only after that), for a few seconds at most. */
    @PreDestroy
    void stop() {
        groupCommits.forEach(GroupCommit::stop);
        pools.forEach(ExecutorService::shutdown);
        for (ExecutorService pool : pools) {
            try {
                if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
            }
        }
    }
}
