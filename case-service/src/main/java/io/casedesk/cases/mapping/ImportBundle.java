package io.casedesk.cases.mapping;

import io.casedesk.cases.model.ServiceHours;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A validated import bundle (DESIGN §7). Produced only by {@link BundleReader}, so every value here has been
 * checked: required values are present, dates parse, references resolve, natural keys are unique.
 *
 * @param firm {@code null} when the bundle has no firm; the stored firm is then left as it is
 */
public record ImportBundle(Firm firm, List<Customer> customers, List<Case> cases, List<Article> articles) {

    public record Firm(String name, String timezone, List<String> languages, String tone, ServiceHours serviceHours,
                       Map<String, String> outOfHoursText) {
    }

    /** @param email lower-cased */
    public record Customer(String ref, String name, Map<String, String> salutation, String language, String email,
                           String phone, String lineUserId, boolean vip, String verificationSecret) {

        /** Without the verification secret, so that a stray log line cannot leak it. */
        @Override
        public String toString() {
            return "Customer[ref=" + ref + "]";
        }
    }

    public record Case(String number, String customerRef, String title, String type, String status, String stage,
                       String assignee, LocalDate openedAt, LocalDate nextStepDate, String nextStepDescription,
                       BigDecimal outstandingFeeAmount, String outstandingFeeCurrency, List<HistoryEntry> history) {
    }

    /** @param at truncated to microseconds, the precision PostgreSQL stores */
    public record HistoryEntry(Instant at, String entry) {
    }

    public record Article(String id, String language, String title, String body, List<String> tags) {
    }
}
