package io.casedesk.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** How long personal data is kept: {@code casedesk.retention.*}. */
@ConfigMapping(prefix = "casedesk.retention")
public interface RetentionConfig {

    /** Conversation turns that occurred longer ago than this are deleted, e.g. {@code P3Y}, {@code P90D}. */
    @WithDefault("P3Y")
    Period conversationHistory();

    /** When the purge runs: a Quartz-style cron expression, or {@code off}. */
    String schedule();
}
