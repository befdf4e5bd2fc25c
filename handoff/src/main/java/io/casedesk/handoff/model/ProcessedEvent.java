package io.casedesk.handoff.model;

import io.quarkus.hibernate.orm.panache.Panache;

import java.time.Instant;

/**
 * The event ids each consumer has handled, written in the transaction of the change they caused, so a
 * redelivered record changes nothing (an outbox-style processed-id table).
 */
public final class ProcessedEvent {

    /** Records {@code eventId} for {@code consumer}; {@code false} when it was recorded before. */
    public static boolean claim(String consumer, String eventId, Instant now) {
        int inserted = Panache.getEntityManager().createNativeQuery(
                        "insert into processed_events (consumer, event_id, processed_at) values (?1, ?2, ?3) "
                                + "on conflict do nothing")
                .setParameter(1, consumer).setParameter(2, eventId).setParameter(3, now)
                .executeUpdate();
        return inserted == 1;
    }

    public static int forgetBefore(Instant cutoff) {
        return Panache.getEntityManager().createNativeQuery("delete from processed_events where processed_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }

    private ProcessedEvent() {
    }
}
