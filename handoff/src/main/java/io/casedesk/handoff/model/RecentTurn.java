package io.casedesk.handoff.model;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One of a conversation's last turns, from the audit log, for the history a new ticket carries. */
@Entity
@Table(name = "recent_turns")
public class RecentTurn extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "conversation_id")
    public String conversationId;
    public Instant at;
    public String kind;
    public String actor;
    public String text;
    /** The turn's short detail: for an answer, its kind ({@code auto}: the bot's own answer; {@code system}). */
    public String detail;

    /** The newest {@code limit} turns, oldest first. */
    public static List<RecentTurn> lastOf(String conversationId, int limit) {
        // In the order the turns were logged, which is the conversation's order on its topic: the times come from the
        // clocks of several services (and a customer's turn from LINE's), which need not agree to the second.
        List<RecentTurn> newest = find("conversationId = ?1 order by id desc", conversationId)
                .page(0, limit).list();
        List<RecentTurn> oldestFirst = new ArrayList<>(newest);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * Inserts the turns in one statement, in the list's order (so their ids are in that order, the order
     * {@link #lastOf} reads), and sets each one's id. In the caller's transaction, beside Hibernate's session: the
     * turns are not managed entities afterwards.
     */
    public static void appendAll(List<RecentTurn> turns) {
        if (turns.isEmpty()) {
            return;
        }
        Map<String, RecentTurn> byEventId = new HashMap<>();
        turns.forEach(turn -> byEventId.put(turn.eventId, turn));
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into recent_turns (event_id, conversation_id, at, kind, actor, text, detail)
                    select event_id, conversation_id, at::timestamptz, kind, actor, text, detail
                    from unnest(?, ?, ?, ?, ?, ?, ?) with ordinality
                        as t(event_id, conversation_id, at, kind, actor, text, detail, position)
                    order by position
                    returning id, event_id""")) {
                insert.setArray(1, texts(connection, turns.stream().map(t -> t.eventId)));
                insert.setArray(2, texts(connection, turns.stream().map(t -> t.conversationId)));
                // As text: the driver would write java.sql.Timestamp elements in the JVM's zone, without naming it.
                insert.setArray(3, texts(connection, turns.stream().map(t -> t.at.toString())));
                insert.setArray(4, texts(connection, turns.stream().map(t -> t.kind)));
                insert.setArray(5, texts(connection, turns.stream().map(t -> t.actor)));
                insert.setArray(6, texts(connection, turns.stream().map(t -> t.text)));
                insert.setArray(7, texts(connection, turns.stream().map(t -> t.detail)));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        byEventId.get(rows.getString(2)).id = rows.getLong(1);
                    }
                }
            }
        });
    }

    /**
     * The newest {@code limit} turns of each of the conversations, newest first, in one statement; a conversation
     * without turns is not in the map.
     */
    public static Map<String, List<RecentTurn>> newestOfEach(Collection<String> conversationIds, int limit) {
        Map<String, List<RecentTurn>> newest = new HashMap<>();
        if (conversationIds.isEmpty()) {
            return newest;
        }
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select t.id, t.event_id, t.conversation_id, t.at, t.kind, t.actor, t.text, t.detail
                    from unnest(?) as c(conversation_id)
                    cross join lateral (select * from recent_turns r where r.conversation_id = c.conversation_id
                                        order by r.id desc limit ?) t
                    order by t.conversation_id, t.id desc""")) {
                select.setArray(1, texts(connection, conversationIds.stream()));
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        RecentTurn turn = new RecentTurn();
                        turn.id = rows.getLong(1);
                        turn.eventId = rows.getString(2);
                        turn.conversationId = rows.getString(3);
                        turn.at = rows.getObject(4, OffsetDateTime.class).toInstant();
                        turn.kind = rows.getString(5);
                        turn.actor = rows.getString(6);
                        turn.text = rows.getString(7);
                        turn.detail = rows.getString(8);
                        newest.computeIfAbsent(turn.conversationId, id -> new ArrayList<>()).add(turn);
                    }
                }
            }
        });
        return newest;
    }

    private static Array texts(Connection connection, Stream<String> values) throws SQLException {
        return connection.createArrayOf("varchar", values.toArray());
    }
}
