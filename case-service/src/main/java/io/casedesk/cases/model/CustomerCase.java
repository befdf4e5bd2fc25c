package io.casedesk.cases.model;

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
