package io.casedesk.handoff.client;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A case as case-service lists it: the summary agents see next to the conversation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(String number, String title, String type, String status, String stage, String assignee,
                       LocalDate openedAt, NextStep nextStep, Fee outstandingFee) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NextStep(LocalDate date, String description) {
    }

    public record Fee(BigDecimal amount, String currency) {
    }
}
