package io.casedesk.cases.service;

import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

/**
 * The transactional outbox: an event is stored in the same transaction as the change it announces, so it is
 * published exactly when that change commits (by {@code OutboxRelay}), never for a change that rolled back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    private final Session session;

    public Outbox(Session session) {
        this.session = session;
    }

    /** Queues {@code event} for {@code topic}, keyed by its conversation id (DESIGN §2). */
    public void add(String topic, Envelope<?> event) {
        session.createNativeMutationQuery(
                        "insert into outbox_events (topic, event_key, event) values (:topic, :key, :event)")
                .setParameter("topic", topic)
                .setParameter("key", event.conversationId())
                .setParameter("event", EventCodec.shared().encode(event))
                .executeUpdate();
    }
}
