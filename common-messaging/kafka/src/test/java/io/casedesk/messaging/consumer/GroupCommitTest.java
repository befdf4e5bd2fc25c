package io.casedesk.messaging.consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitTest {

    private final List<List<Integer>> writes = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstWrite = new CountDownLatch(1);
    private GroupCommit<Integer> groupCommit;

    @AfterEach
    void stop() {
        if (groupCommit != null) {
            groupCommit.stop();
        }
    }

    @Test
    void itemsThatArriveWhileAGroupIsWrittenAreWrittenTogetherInTheNextGroup() throws Exception {
        CompletableFuture<Void> first = startWithFirstWriteHeld(64, items -> { });
        List<CompletableFuture<Void>> next = submitAll(1, 5);
        assertThat(first).isNotDone();
        releaseFirstWrite.countDown();

        allOf(next);
        assertThat(first).isCompleted();
        assertThat(writes).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5));
    }

    @Test
    void aGroupIsNoLargerThanItsLimit() throws Exception {
        startWithFirstWriteHeld(3, items -> { });
        List<CompletableFuture<Void>> next = submitAll(1, 7);
        releaseFirstWrite.countDown();

        allOf(next);
        assertThat(writes).containsExactly(List.of(0), List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
    }

    @Test
    void anItemThatFailsFailsAloneAndTheRestOfItsGroupIsWritten() throws Exception {
        List<Integer> stored = new CopyOnWriteArrayList<>();
        startWithFirstWriteHeld(64, items -> {
            // One transaction: a failing item rolls back the whole group.
            if (items.contains(3)) {
                throw new IllegalStateException("poison");
            }
            stored.addAll(items);
        });
        List<CompletableFuture<Void>> next = submitAll(1, 5);
        releaseFirstWrite.countDown();

        assertThat(next.get(2)).failsWithin(5, TimeUnit.SECONDS);
        allOf(List.of(next.get(0), next.get(1), next.get(3), next.get(4)));
        assertThat(stored).containsExactly(0, 1, 2, 4, 5);
        assertThat(writes).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5), List.of(1), List.of(2), List.of(3),
                List.of(4), List.of(5));
    }

    @Test
    void stoppingWritesWhatIsWaitingAndLeavesLaterItemsUnsettled() throws Exception {
        startWithFirstWriteHeld(64, items -> { });
        CompletableFuture<Void> waiting = groupCommit.submit(1);
        Thread stopper = new Thread(groupCommit::stop);
        stopper.start();
        releaseFirstWrite.countDown();
        stopper.join(5_000);

        assertThat(waiting).isCompleted();
        assertThat(writes).containsExactly(List.of(0), List.of(1));
        // Neither acknowledged nor failed (a failure would park its record on the dead-letter topic): read again later.
        CompletableFuture<Void> afterStop = groupCommit.submit(2);
        Thread.sleep(200);
        assertThat(afterStop).isNotDone();
        assertThat(writes).containsExactly(List.of(0), List.of(1));
    }

    /** A group commit whose first write, of item 0, is under way and held until {@code releaseFirstWrite}. */
    private CompletableFuture<Void> startWithFirstWriteHeld(int maxGroup, GroupCommit.Writer<Integer> writer)
            throws InterruptedException {
        groupCommit = new GroupCommit<>("turns", maxGroup, items -> {
            writes.add(items);
            if (items.contains(0)) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            writer.write(items);
        });
        CompletableFuture<Void> first = groupCommit.submit(0);
        assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private List<CompletableFuture<Void>> submitAll(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(groupCommit::submit).toList();
    }

    private static void allOf(List<CompletableFuture<Void>> futures) throws Exception {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
