package io.casedesk.responder.client;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One of the customer's cases, as case-service returns it. Absent values are {@code null}. */
public record CaseView(
        String number,
        String title,
        String type,
        String status,
        String stage,
        String assignee,
        LocalDate openedAt,
        NextStep nextStep,
        Fee outstandingFee) {

    public record NextStep(LocalDate date, String description) {
    }

    public record Fee(BigDecimal amount, String currency) {
    }

    public boolean open() {
        return !"closed".equals(status);
    }
}
