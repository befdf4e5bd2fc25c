package io.casedesk.messaging.outbox;

import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;

/**
 * The transactional outbox: an event is stored in the same transaction as the change it announces, so it
 * leaves (through {@link OutboxRelay}) exactly when that change commits, never for a change that rolled back or
 * whose commit failed. Once the transaction has committed the relay is woken, so events normally leave within
 * milliseconds; its periodic sweep only catches what a crash or a busy broker left behind.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    /** Marks a transaction whose commit already wakes the relay, so that it is woken once, not per event. */
    private static final Object RELAY_WAKE_UP = new Object();

    private final Session session;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(Session session, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.session = session;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Queues {@code event} for {@code topic}, keyed by its conversation id (DESIGN §2). */
    public void add(String topic, Envelope<?> event) {
        // Pending entity changes first: the row lock a change takes is then held before the event gets its
        // position, so events of changes that wait for each other leave in the order the changes committed.
        session.flush();
        session.createNativeMutationQuery(
                        "insert into outbox_events (topic, event_key, event) values (:topic, :key, :event)")
                .setParameter("topic", topic)
                .setParameter("key", event.conversationId())
                .setParameter("event", EventCodec.shared().encode(event))
                .executeUpdate();
        if (transactions.getResource(RELAY_WAKE_UP) == null) {
            transactions.putResource(RELAY_WAKE_UP, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        }
    }

    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
