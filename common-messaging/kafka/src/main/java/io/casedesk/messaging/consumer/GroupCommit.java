package io.casedesk.messaging.consumer;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for record handlers that each write a little to the database: the items they hand in are written
 * together, as many as are waiting (at most {@code maxGroup}), in one call of the writer (one transaction) on one
 * thread, and each item's stage completes when its group is written. Under load the groups grow by themselves; when
 * idle an item is written at once, with no waiting for company.
 * <p>
 * A group whose write fails is written again one item at a time, so that only an item that fails on its own fails
 * (its record then goes to the channel's failure strategy) and the others are still written. The writer must
 * therefore be idempotent per item, as every consumer here is through its processed-event ids.
 * <p>
 * Used with {@link KeyOrderedConsumers#ofAsync}: a record's handling ends when its item is written, so offsets are
 * still committed only after the write and a key's next record still waits for the previous one. Why written here:
 * the Kafka connector's batch mode hands over whole polls (one failure strategy for the lot, no order per key) and
 * Hibernate's JDBC batching only groups the statements of one transaction; neither joins the transactions of records
 * handled separately.
 */
public final class GroupCommit<T> {

    /** Writes a group of items in one transaction; throws when the transaction fails. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(List<T> items);
    }

    private record Pending<T>(T item, CompletableFuture<Void> written) {
    }

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private final String name;
    private final int maxGroup;
    private final Writer<T> writer;
    private final BlockingQueue<Pending<T>> waiting = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;

    GroupCommit(String name, int maxGroup, Writer<T> writer) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be at least 1");
        }
        this.name = name;
        this.maxGroup = maxGroup;
        this.writer = writer;
        this.thread = new Thread(this::run, name + "-group-commit");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Writes the item with the next group; the stage completes when it is written, or fails with the write. Once
     * stopping, an item is not taken and its stage never completes: its record is neither acknowledged nor failed (a
     * failure would park it on the dead-letter topic), so it is read again after the restart.
     */
    public CompletableFuture<Void> submit(T item) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (!stopping) {
            waiting.add(new Pending<>(item, written));
        }
        return written;
    }

    private void run() {
        List<Pending<T>> group = new ArrayList<>(maxGroup);
        while (!stopping || !waiting.isEmpty()) {
            try {
                Pending<T> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, maxGroup - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                group.clear();
            }
        }
        // Interrupted while stopping: what is left stays unsettled (not acknowledged, not dead-lettered) and is read
        // again after the restart.
        if (!waiting.isEmpty()) {
            LOG.debugf("%s stopped with %d items not written; their records are read again after the restart", name,
                    waiting.size());
        }
    }

    private void write(List<Pending<T>> group) {
        try {
            writer.write(group.stream().map(Pending::item).toList());
            group.forEach(pending -> pending.written().complete(null));
        } catch (RuntimeException groupFailure) {
            if (group.size() == 1) {
                group.get(0).written().completeExceptionally(groupFailure);
                return;
            }
            // The exception's type only: its message may quote an item.
            LOG.debugf("A group of %d in %s failed (%s); writing them one by one", group.size(), name,
                    groupFailure.getClass().getSimpleName());
            for (Pending<T> pending : group) {
                try {
                    writer.write(List.of(pending.item()));
                    pending.written().complete(null);
                } catch (RuntimeException itemFailure) {
                    pending.written().completeExceptionally(itemFailure);
                }
            }
        }
    }

    /** Writes what is waiting, then stops; waits a few seconds at most. */
    void stop() {
        stopping = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            if (thread.isAlive()) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
        }
    }
}
