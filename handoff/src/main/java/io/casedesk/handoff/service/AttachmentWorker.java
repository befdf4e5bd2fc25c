package io.casedesk.handoff.service;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.model.AttachmentState;
import io.casedesk.handoff.model.TicketAttachment;
import io.casedesk.schema.Channel;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fetches the bytes of customers' files off the consumers' path: the consumers only record a file as {@code PENDING}
 * with the message, and this worker, on the scheduler's thread, fetches the due ones from the ingresses, one at a time
 * and outside any transaction, retrying failures with a doubling pause. It also drops the bytes of files whose ticket
 * closed longer than the retention ago.
 */
@ApplicationScoped
public class AttachmentWorker {

    private static final Logger LOG = Logger.getLogger(AttachmentWorker.class);
    /** A claimed file is not claimed again (by another instance) before this; far longer than a fetch may take. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private record Claimed(long id, Channel channel, String sourceRef, String channelId, int attempts) {
    }

    private final AttachmentFetcher fetcher;
    private final HandoffConfig.Attachments config;
    private final HandoffMetrics metrics;
    private final Event<TicketChanged> changes;
    private final Clock clock;

    public AttachmentWorker(AttachmentFetcher fetcher, HandoffConfig config, HandoffMetrics metrics,
                            Event<TicketChanged> changes, Clock clock) {
        this.fetcher = fetcher;
        this.config = config.attachments();
        this.metrics = metrics;
        this.changes = changes;
        this.clock = clock;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${casedesk.handoff.attachments.fetch-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fetchDue() {
        fetchDueOnce();
    }

    /** One round: the files due now, each fetched and stored; returns how many were tried. */
    public synchronized int fetchDueOnce() {
        List<Claimed> due = QuarkusTransaction.requiringNew().call(this::claimDue);
        for (Claimed file : due) {
            AttachmentFetcher.Outcome outcome = fetcher.fetch(file.channel(), file.sourceRef(), file.channelId());
            QuarkusTransaction.requiringNew().run(() -> settle(file, outcome));
        }
        return due.size();
    }

    /** Claims the due files; rows another instance holds are skipped, not waited for. */
    @SuppressWarnings("unchecked")
    private List<Claimed> claimDue() {
        Instant now = clock.instant();
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                update ticket_attachments set next_attempt_at = ?1, attempts = attempts + 1
                where id in (select id from ticket_attachments where state = 'PENDING' and next_attempt_at <= ?2
                             order by next_attempt_at limit ?3 for update skip locked)
                returning id, channel, source_ref, channel_id, attempts""")
                .setParameter(1, now.plus(LEASE)).setParameter(2, now).setParameter(3, config.fetchBatch())
                .getResultList();
        return rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(), Channel.valueOf((String) r[1]),
                (String) r[2], (String) r[3], ((Number) r[4]).intValue())).toList();
    }

    private void settle(Claimed file, AttachmentFetcher.Outcome outcome) {
        TicketAttachment row = TicketAttachment.findById(file.id());
        if (row == null || row.state != AttachmentState.PENDING) {
            return;
        }
        Instant now = clock.instant();
        if (outcome instanceof AttachmentFetcher.Fetched fetched) {
            row.content = fetched.bytes();
            row.sizeBytes = (long) fetched.bytes().length;
            // The channel's own type wins; the ingress's answer fills it in when the message did not say.
            if (row.mediaType == null) {
                row.mediaType = fetched.mediaType();
            }
            row.state = AttachmentState.STORED;
            row.storedAt = now;
        } else if (outcome instanceof AttachmentFetcher.TooLarge) {
            row.state = AttachmentState.TOO_LARGE;
        } else if (outcome instanceof AttachmentFetcher.Gone) {
            row.state = AttachmentState.UNAVAILABLE;
        } else if (outcome instanceof AttachmentFetcher.Failed failed) {
            if (file.attempts() >= config.maxAttempts()) {
                row.state = AttachmentState.UNAVAILABLE;
            } else {
                row.nextAttemptAt = now.plus(config.backoff().multipliedBy(1L << Math.min(file.attempts() - 1, 16)));
            }
            LOG.infof("Attachment %d not fetched (attempt %d): %s", file.id(), file.attempts(), failed.why());
        }
        if (row.state != AttachmentState.PENDING) {
            row.nextAttemptAt = null;
            metrics.attachmentSettled(row.state, row.sizeBytes);
            changes.fire(TicketChanged.of(row.ticketId, "attachment"));
        }
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${casedesk.handoff.attachments.purge-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        purgeOnce();
    }

    /** Drops the bytes of files whose ticket closed before the retention; returns how many. */
    public int purgeOnce() {
        Instant now = clock.instant();
        int purged = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery("""
                update ticket_attachments a set content = null, state = 'PURGED', purged_at = ?1
                from tickets t where t.id = a.ticket_id and a.state = 'STORED'
                and t.state = 'CLOSED' and t.closed_at < ?2""")
                .setParameter(1, now).setParameter(2, now.minus(config.retention())).executeUpdate());
        if (purged > 0) {
            metrics.attachmentsPurged(purged);
            LOG.infof("Purged the bytes of %d attachment(s) past their retention", purged);
        }
        return purged;
    }
}
