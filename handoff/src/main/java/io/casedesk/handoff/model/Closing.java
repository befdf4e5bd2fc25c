package io.casedesk.handoff.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/**
 * When, by whom and why a ticket closed.
 *
 * @param by {@code customer}, {@code agent:<name>} or {@code system}
 */
@Embeddable
public record Closing(@Column(name = "closed_at") Instant at,
                      @Column(name = "closed_by") String by,
                      @Enumerated(EnumType.STRING) @Column(name = "close_reason") CloseReason reason) {
}
