package io.casedesk.cases.messaging;

import io.casedesk.schema.EventCodec;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TraceSpans;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Publishes the outbox's events to Kafka, oldest first, and deletes each once the broker acknowledged it.
 * Delivery is at least once: a crash between the acknowledgement and the delete publishes an event again,
 * under the same event id, which consumers deduplicate on. Rows are claimed with {@code skip locked}, so
 * several instances of the service can relay side by side.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH_SIZE = 100;

    private final Session session;
    private final MutinyEmitter<String> outbox;
    private final TraceSpans spans;

    public OutboxRelay(Session session, @Channel("outbox") MutinyEmitter<String> outbox, Tracer tracer) {
        this.session = session;
        this.outbox = outbox;
        this.spans = new TraceSpans(tracer);
    }

    // The first run waits a little: the scheduler starts before the Kafka channels are connected.
    @Scheduled(every = "${casedesk.outbox.relay-interval}", delayed = "${casedesk.outbox.relay-initial-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void relayPending() {
        List<Object[]> pending = session.createNativeQuery("""
                        select id, topic, event_key, event from outbox_events
                         order by id limit :batch for update skip locked""", Object[].class)
                .setParameter("batch", BATCH_SIZE)
                .getResultList();
        for (Object[] row : pending) {
            long id = ((Number) row[0]).longValue();
            String topic = (String) row[1];
            String event = (String) row[3];
            // Waits for the broker's acknowledgement; a failure rolls back and the rows are tried again.
            outbox.sendMessageAndAwait(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(topic).withKey((String) row[2]).withHeaders(traceHeaders(spans, topic, event)).build()));
            session.createNativeMutationQuery("delete from outbox_events where id = :id")
                    .setParameter("id", id).executeUpdate();
            LOG.debugf("Published outbox event %d to %s", id, topic);
        }
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
