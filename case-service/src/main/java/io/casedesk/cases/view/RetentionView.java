package io.casedesk.cases.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** What is kept how long, and what the last purge did. */
public record RetentionView(Job conversationHistory) {

    /**
     * @param period   ISO-8601 period, e.g. {@code P3Y}
     * @param schedule cron expression of the purge, or {@code off}
     * @param lastRun  absent until the first purge
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Job(String period, String schedule, LastRun lastRun) {
    }

    /** @param cutoff turns that occurred before this were deleted */
    public record LastRun(Instant at, Instant cutoff, long rowsDeleted) {
    }
}
