package io.casedesk.handoff.model;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

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

    /**
     * Records each of {@code eventIds} for {@code consumer} in one statement (a group commit's events); returns those
     * not recorded before, each once even when it is in the collection twice.
     */
    public static Set<String> claimAll(String consumer, Collection<String> eventIds, Instant now) {
        Set<String> claimed = new HashSet<>();
        if (eventIds.isEmpty()) {
            return claimed;
        }
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into processed_events (consumer, event_id, processed_at) "
                            + "select ?, event_id, ? from unnest(?) as event_id on conflict do nothing returning event_id")) {
                insert.setString(1, consumer);
                insert.setObject(2, now.atOffset(ZoneOffset.UTC));
                insert.setArray(3, connection.createArrayOf("varchar", eventIds.toArray()));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getString(1));
                    }
                }
            }
        });
        return claimed;
    }

    public static int forgetBefore(Instant cutoff) {
        return Panache.getEntityManager().createNativeQuery("delete from processed_events where processed_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }

    private ProcessedEvent() {
    }
}
