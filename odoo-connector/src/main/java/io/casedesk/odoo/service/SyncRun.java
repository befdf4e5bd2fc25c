package io.casedesk.odoo.service;

import java.time.Instant;

/** One finished sync run, as the status endpoint and the {@code sync_runs} table show it. */
public record SyncRun(String kind, Instant startedAt, Instant finishedAt, String outcome, int read, int changed,
        int deleted, int failed, String error) {
}
