package io.casedesk.handoff.messaging;

import io.casedesk.schema.RejectedRecordException;
import io.micrometer.core.instrument.Counter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** What the consumers that write through a {@code GroupCommit} do with an item whose write failed. */
final class GroupWrites {

    /**
     * The item's stage, failing with a {@link RejectedRecordException} (the record goes to the dead-letter topic,
     * counted) when its write failed; the group commit's stage fails with the write's own exception.
     */
    static CompletionStage<Void> rejectedOnFailure(CompletableFuture<Void> written, Counter deadLettered) {
        return written.exceptionally(failure -> {
            deadLettered.increment();
            throw failure instanceof RuntimeException runtime ? new RejectedRecordException(runtime)
                    : new CompletionException(failure);
        });
    }

    private GroupWrites() {
    }
}
