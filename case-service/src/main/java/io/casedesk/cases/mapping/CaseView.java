package io.casedesk.cases.mapping;

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
 * @param history only in the single-case view, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(String number, String title, String type, String status, String stage, String assignee,
                       LocalDate openedAt, NextStep nextStep, Fee outstandingFee, List<HistoryEntry> history) {

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

    private static CaseView of(CustomerCase c, List<HistoryEntry> history) {
        NextStep nextStep = c.nextStepDate == null && c.nextStepDescription == null
                ? null : new NextStep(c.nextStepDate, c.nextStepDescription);
        Fee fee = c.outstandingFeeAmount == null ? null : new Fee(c.outstandingFeeAmount, c.outstandingFeeCurrency);
        return new CaseView(c.number, c.title, c.type, c.status, c.stage, c.assignee, c.openedAt, nextStep, fee,
                history);
    }
}
