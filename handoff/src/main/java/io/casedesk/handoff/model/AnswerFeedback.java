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

/**
 * A bot answer an agent marked wrong in a ticket's history, with the right answer, the customer's question it
 * answered and what the ticket knew of the conversation (language, intent): material for evaluating the bot.
 */
@Entity
@Table(name = "answer_feedback")
public class AnswerFeedback extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "conversation_id")
    public String conversationId;
    /** The answer's place in the ticket's history. */
    @Column(name = "turn_index")
    public int turnIndex;
    public String language;
    public String intent;
    /** The customer's message the answer followed, {@code null} when the history starts with the answer. */
    public String question;
    @Column(name = "bot_answer")
    public String botAnswer;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "correct_answer")
    public String correctAnswer;
    @Column(name = "marked_by")
    public String markedBy;
    @Column(name = "marked_at")
    public Instant markedAt;

    public static List<AnswerFeedback> of(String ticketId) {
        return list("ticketId = ?1 order by turnIndex", ticketId);
    }

    public static boolean marked(String ticketId, int turnIndex) {
        return count("ticketId = ?1 and turnIndex = ?2", ticketId, turnIndex) > 0;
    }

    /** Everything marked since {@code since} ({@code null}: ever), oldest first. */
    public static List<AnswerFeedback> since(Instant since) {
        return since == null ? list("order by markedAt, id") : list("markedAt >= ?1 order by markedAt, id", since);
    }
}
