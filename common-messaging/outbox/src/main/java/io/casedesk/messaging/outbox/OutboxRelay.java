package io.casedesk.messaging.outbox;

import io.casedesk.schema.EventCodec;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TraceSpans;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox's events to Kafka in the order they were written, each awaited until the broker
 * acknowledged it, and deletes them in the same database transaction. Delivery is at least once: a crash between
 * the acknowledgement and the commit of the delete publishes an event again on the next run, under the same
 * event id, which consumers deduplicate on.
 * <p>
 * Runs on one thread of its own, woken after each commit that added events ({@link Outbox}) and swept every
 * {@code casedesk.outbox.relay-interval}. Across instances of a service a PostgreSQL advisory lock lets one
 * relay at a time, so the events of one conversation cannot be interleaved by two relays.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock of the relay, the same in every service (each has its own database). */
    static final long RELAY_LOCK = 0x0ca5ede5c0ffeeL;

    private final Session session;
    private final MutinyEmitter<String> outbox;
    private final TraceSpans spans;
    private final int batchSize;
    /**
     * One relay thread; a wake-up while it runs queues one more run (which sees everything committed until it
     * starts), further ones are covered by that and dropped.
     */
    private final ThreadPoolExecutor runner = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1), runnable -> {
                Thread thread = new Thread(runnable, "outbox-relay");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());
    private volatile boolean started;

    public OutboxRelay(Session session, @Channel("outbox") MutinyEmitter<String> outbox, Tracer tracer,
            @ConfigProperty(name = "casedesk.outbox.batch-size", defaultValue = "100") int batchSize) {
        this.session = session;
        this.outbox = outbox;
        this.spans = new TraceSpans(tracer);
        this.batchSize = batchSize;
    }

    /** Runs the relay soon on its own thread; called after a commit that added events. */
    public void wakeUp() {
        if (started) {
            runner.execute(this::relayAll);
        }
    }

    // The first sweep waits a little: the scheduler starts before the Kafka channels are connected. Wake-ups
    // count only from then on; what they would have sent, that sweep sends.
    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${casedesk.outbox.relay-interval}", delayed = "${casedesk.outbox.relay-initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "casedesk-outbox-relay")
    void sweep() {
        started = true;
        wakeUp();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        started = false;
        runner.shutdown();
    }

    /** Relays batch after batch until nothing is pending (or another instance holds the relay). */
    void relayAll() {
        try {
            while (QuarkusTransaction.requiringNew().call(this::relayBatch) == batchSize) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            // Rolled back: the events stay pending and the next run sends them again. Never the events themselves.
            LOG.warnf("Outbox relay failed, will retry: %s", e.toString());
        }
    }

    /** One transaction: publishes up to a batch of pending events and deletes them; how many it published. */
    int relayBatch() {
        Boolean relaying = session.createNativeQuery("select pg_try_advisory_xact_lock(:lock)", Boolean.class)
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
        if (!relaying) {
            return 0;
        }
        List<Object[]> pending = session.createNativeQuery(
                        "select id, topic, event_key, event from outbox_events order by id limit :batch", Object[].class)
                .setParameter("batch", batchSize)
                .getResultList();
        for (Object[] row : pending) {
            String topic = (String) row[1];
            String event = (String) row[3];
            // Waits for the broker's acknowledgement; a failure rolls back and the rows are tried again.
            outbox.sendMessageAndAwait(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(topic).withKey((String) row[2]).withHeaders(traceHeaders(spans, topic, event)).build()));
        }
        if (!pending.isEmpty()) {
            // By id, not "up to the last": a transaction that took a lower id may commit only now, unpublished.
            session.createNativeMutationQuery("delete from outbox_events where id in (:ids)")
                    .setParameterList("ids", pending.stream().map(row -> ((Number) row[0]).longValue()).toList())
                    .executeUpdate();
            LOG.debugf("Published %d outbox events", pending.size());
        }
        return pending.size();
    }

    /**
     * A {@code traceparent} header that continues the trace of the event's envelope (a new one if it has none): the
     * context of its publishing.
     */
    static RecordHeaders traceHeaders(TraceSpans spans, String topic, String event) {
        String traceparent;
        try {
            traceparent = EventCodec.shared().decode(event).traceparent();
        } catch (RuntimeException notAnEnvelope) {
            traceparent = null;
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceContext.HEADER, spans.publish(topic, traceparent).getBytes(StandardCharsets.US_ASCII));
        return headers;
    }
}
