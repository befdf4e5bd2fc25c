package io.casedesk.cases.model;

import io.casedesk.cases.bundle.ImportBundle;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A customer's case (matter, order, ticket). Named so because {@code case} is a keyword in Java and HQL. */
@Entity
@Table(name = "cases")
public class CustomerCase extends PanacheEntityBase {

    private static final String OPEN_FIRST_ORDER =
            " order by case when c.status = 'closed' then 1 else 0 end, c.nextStepDate asc nulls last, c.number";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The firm's case number, e.g. {@code 2026-FAM-0142}. */
    public String number;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    public String title;

    public String type;

    /** One of {@link CaseStatus}' wire names. */
    public String status;

    public String stage;

    public String assignee;

    @Column(name = "opened_at")
    public LocalDate openedAt;

    @Column(name = "next_step_date")
    public LocalDate nextStepDate;

    @Column(name = "next_step_description")
    public String nextStepDescription;

    @Column(name = "outstanding_fee_amount")
    public BigDecimal outstandingFeeAmount;

    @Column(name = "outstanding_fee_currency")
    public String outstandingFeeCurrency;

    /** When a closed case closed; {@code null} for an open case. */
    @Column(name = "closed_at")
    public LocalDate closedAt;

    /** How a closed case ended, as the firm recorded it; {@code null} for an open case. */
    public String outcome;

    /**
     * Takes the case's details from an import bundle, with the customer it belongs to; true when any changed. A closed
     * case's closing date and outcome are the bundle's, else those of its last history entry (the date in
     * {@code firmZone}). The history is the importer's: it adds entries across cases with one look-up.
     */
    public boolean takeImported(ImportBundle.Case data, Customer owner, ZoneId firmZone) {
        ChangeTracker changes = new ChangeTracker();
        number = changes.take(number, data.number());
        customer = changes.take(customer, owner);
        title = changes.take(title, data.title());
        type = changes.take(type, data.type());
        status = changes.take(status, data.status().wireName());
        stage = changes.take(stage, data.stage());
        assignee = changes.take(assignee, data.assignee());
        openedAt = changes.take(openedAt, data.openedAt());
        nextStepDate = changes.take(nextStepDate, data.nextStepDate());
        nextStepDescription = changes.take(nextStepDescription, data.nextStepDescription());
        outstandingFeeAmount = changes.takeAmount(outstandingFeeAmount, data.outstandingFeeAmount());
        outstandingFeeCurrency = changes.take(outstandingFeeCurrency, data.outstandingFeeCurrency());
        ImportBundle.Closing closing = data.closing(firmZone);
        closedAt = changes.take(closedAt, closing.closedAt());
        outcome = changes.take(outcome, closing.outcome());
        return changes.changed();
    }

    /** The customer's cases, open ones first, each group by next step date then number. */
    public static List<CustomerCase> listForCustomer(Customer customer, boolean includeClosed) {
        String filter = includeClosed ? "" : " and c.status <> 'closed'";
        return list("from CustomerCase c where c.customer = ?1" + filter + OPEN_FIRST_ORDER, customer);
    }

    /** The case {@code number} when it belongs to the customer {@code customerRef}, else empty. */
    public static Optional<CustomerCase> findOwnedBy(String customerRef, String number) {
        return find("from CustomerCase c where c.number = ?1 and c.customer.ref = ?2", number, customerRef)
                .firstResultOptional();
    }

    /** The case with its customer. */
    public static Optional<CustomerCase> findByNumber(String number) {
        return find("from CustomerCase c join fetch c.customer where c.number = ?1", number).firstResultOptional();
    }

    public static List<CustomerCase> listByNumbers(Collection<String> numbers) {
        return numbers.isEmpty() ? List.of() : list("number in ?1", numbers);
    }
}
