package io.casedesk.responder.client;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One of the customer's cases, as case-service returns it. Absent values are {@code null}.
 *
 * @param closedAt a closed case's closing date, as recorded
 * @param outcome  how a closed case ended, as the firm recorded it
 */
public record CaseView(
        String number,
        String title,
        String type,
        String status,
        String stage,
        String assignee,
        LocalDate openedAt,
        NextStep nextStep,
        Fee outstandingFee,
        LocalDate closedAt,
        String outcome) {

    public record NextStep(LocalDate date, String description) {
    }

    public record Fee(BigDecimal amount, String currency) {
    }

    /** An open case, without a closing. */
    public CaseView(String number, String title, String type, String status, String stage, String assignee,
                    LocalDate openedAt, NextStep nextStep, Fee outstandingFee) {
        this(number, title, type, status, stage, assignee, openedAt, nextStep, outstandingFee, null, null);
    }

    public boolean open() {
        return !"closed".equals(status);
    }

    /** A fee still to be paid on this case. */
    public boolean feeDue() {
        return outstandingFee != null && outstandingFee.amount() != null && outstandingFee.amount().signum() > 0;
    }

    /** A next step whose date is before {@code today}: the record has not caught up with what happened since. */
    public boolean nextStepPassed(LocalDate today) {
        return nextStep != null && nextStep.date() != null && today != null && nextStep.date().isBefore(today);
    }
}
