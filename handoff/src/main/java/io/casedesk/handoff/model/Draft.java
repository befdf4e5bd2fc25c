package io.casedesk.handoff.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The responder's draft answer (policy {@code draft}) and what became of it. */
@Embeddable
public record Draft(@Column(name = "draft_text") String text,
                    @Enumerated(EnumType.STRING) @Column(name = "draft_state") DraftState state) {

    public static Draft pending(String text) {
        return new Draft(text, DraftState.PENDING);
    }

    public boolean pending() {
        return text != null && state == DraftState.PENDING;
    }

    Draft to(DraftState next) {
        return new Draft(text, next);
    }
}
