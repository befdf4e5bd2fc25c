package io.casedesk.handoff.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * The satisfaction question asked when a ticket closed, and the customer's answer.
 *
 * @param dueAt until when an answer counts; {@code null} once answered, skipped, expired or superseded
 * @param score 1 to 5, {@code null} until the customer answers
 */
@Embeddable
public record Rating(@Column(name = "rating_requested_at") Instant askedAt,
                     @Column(name = "rating_due_at") Instant dueAt,
                     @Column(name = "rating") Integer score,
                     @Column(name = "rated_at") Instant ratedAt) {

    /** Asked and not yet answered, skipped or expired. */
    public boolean awaited() {
        return dueAt != null && score == null;
    }
}
