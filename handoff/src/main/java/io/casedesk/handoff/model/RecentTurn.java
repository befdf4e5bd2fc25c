package io.casedesk.handoff.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

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
        List<RecentTurn> oldestFirst = new java.util.ArrayList<>(newest);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
