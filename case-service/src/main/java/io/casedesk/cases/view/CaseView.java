package io.casedesk.cases.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.casedesk.cases.model.CaseHistoryEntry;
import io.casedesk.cases.model.CustomerCase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as callers see it. Absent values are left out.
 *
 * @param closedAt a closed case's closing date
 * @param outcome  how a closed case ended, as the firm recorded it
 * @param history  only in the single-case view, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(String number, String title, String type, String status, String stage, String assignee,
                       LocalDate openedAt, NextStep nextStep, Fee outstandingFee, LocalDate closedAt, String outcome,
                       List<HistoryEntry> history) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NextStep(LocalDate date, String description) {
    }

    public record Fee(BigDecimal amount, String currency) {
    }

    public record HistoryEntry(Instant at, String entry) {
    }

    public static CaseView summary(CustomerCase customerCase) {
        return of(customerCase, null);
    }

    public static CaseView detail(CustomerCase customerCase, List<CaseHistoryEntry> history) {
        return of(customerCase, history.stream().map(h -> new HistoryEntry(h.at, h.entry)).toList());
    }

    /** The list view from a case's columns, for reads that skip the entity. */
    public static CaseView summary(String number, String title, String type, String status, String stage,
                                   String assignee, LocalDate openedAt, LocalDate nextStepDate,
                                   String nextStepDescription, BigDecimal feeAmount, String feeCurrency,
                                   LocalDate closedAt, String outcome) {
        return of(number, title, type, status, stage, assignee, openedAt, nextStepDate, nextStepDescription,
                feeAmount, feeCurrency, closedAt, outcome, null);
    }

    private static CaseView of(CustomerCase c, List<HistoryEntry> history) {
        return of(c.number, c.title, c.type, c.status, c.stage, c.assignee, c.openedAt, c.nextStepDate,
                c.nextStepDescription, c.outstandingFeeAmount, c.outstandingFeeCurrency, c.closedAt, c.outcome,
                history);
    }

    private static CaseView of(String number, String title, String type, String status, String stage,
                               String assignee, LocalDate openedAt, LocalDate nextStepDate,
                               String nextStepDescription, BigDecimal feeAmount, String feeCurrency,
                               LocalDate closedAt, String outcome, List<HistoryEntry> history) {
        NextStep nextStep = nextStepDate == null && nextStepDescription == null
                ? null : new NextStep(nextStepDate, nextStepDescription);
        Fee fee = feeAmount == null ? null : new Fee(feeAmount, feeCurrency);
        return new CaseView(number, title, type, status, stage, assignee, openedAt, nextStep, fee, closedAt, outcome,
                history);
    }
}
