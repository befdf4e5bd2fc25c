package io.casedesk.cases.service;

import io.casedesk.cases.config.RetentionConfig;
import io.casedesk.cases.view.RetentionView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deletes conversation history older than the configured retention period ({@link RetentionConfig}), on a
 * schedule, and keeps a record of the last run. Deletes in batches, each in its own transaction, so a large
 * first purge neither holds locks for long nor builds one huge transaction.
 */
@ApplicationScoped
public class HistoryRetention {

    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);
    static final String CONVERSATION_HISTORY_JOB = "conversation-history";
    private static final int BATCH_SIZE = 5_000;

    private final Session session;
    private final RetentionConfig config;

    public HistoryRetention(Session session, RetentionConfig config) {
        this.session = session;
        this.config = config;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            identity = CONVERSATION_HISTORY_JOB, cron = "${casedesk.retention.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeConversationHistory();
    }

    /** Deletes the turns that occurred before now minus the retention period; returns how many. */
    public long purgeConversationHistory() {
        Instant ranAt = Instant.now();
        // Calendar arithmetic, so that "P3Y" means three years whatever the leap days.
        Instant cutoff = ranAt.atOffset(ZoneOffset.UTC).minus(config.conversationHistory()).toInstant();
        long deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> session.createNativeMutationQuery("""
                            delete from conversation_turns where id in (
                                select id from conversation_turns where occurred_at < :cutoff limit :batch)""")
                    .setParameter("cutoff", cutoff, Instant.class)
                    .setParameter("batch", BATCH_SIZE)
                    .executeUpdate());
            deleted += batch;
        } while (batch == BATCH_SIZE);
        long rowsDeleted = deleted;
        QuarkusTransaction.requiringNew().run(() -> session.createNativeMutationQuery("""
                        insert into retention_runs (job, ran_at, cutoff, rows_deleted)
                        values (:job, :ranAt, :cutoff, :rowsDeleted)
                        on conflict (job) do update set ran_at = excluded.ran_at, cutoff = excluded.cutoff,
                                                        rows_deleted = excluded.rows_deleted""")
                .setParameter("job", CONVERSATION_HISTORY_JOB)
                .setParameter("ranAt", ranAt, Instant.class)
                .setParameter("cutoff", cutoff, Instant.class)
                .setParameter("rowsDeleted", rowsDeleted)
                .executeUpdate());
        LOG.infof("Retention: deleted %d conversation turn(s) that occurred before %s", rowsDeleted, cutoff);
        return rowsDeleted;
    }

    /** The retention settings and the last run, as {@code GET /api/v1/retention} shows them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RetentionView view() {
        List<Object[]> lastRun = session.createNativeQuery(
                        "select ran_at, cutoff, rows_deleted from retention_runs where job = :job", Object[].class)
                .setParameter("job", CONVERSATION_HISTORY_JOB)
                .getResultList();
        RetentionView.LastRun last = lastRun.stream().findFirst()
                .map(row -> new RetentionView.LastRun(toInstant(row[0]), toInstant(row[1]), ((Number) row[2]).longValue()))
                .orElse(null);
        return new RetentionView(new RetentionView.Job(config.conversationHistory().toString(), config.schedule(), last));
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant instant ? instant : ((java.time.OffsetDateTime) value).toInstant();
    }
}
