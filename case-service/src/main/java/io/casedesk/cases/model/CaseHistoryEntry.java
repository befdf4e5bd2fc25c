package io.casedesk.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** One dated line of a case's history; unique per (case, at, entry). */
@Entity
@Table(name = "case_history")
public class CaseHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    public CustomerCase customerCase;

    public Instant at;

    public String entry;

    /** A new entry of the case's history, stored. */
    public static CaseHistoryEntry add(CustomerCase customerCase, Instant at, String entry) {
        CaseHistoryEntry historyEntry = new CaseHistoryEntry();
        historyEntry.customerCase = customerCase;
        historyEntry.at = at;
        historyEntry.entry = entry;
        historyEntry.persist();
        return historyEntry;
    }

    public static List<CaseHistoryEntry> listForCase(CustomerCase customerCase) {
        return list("customerCase = ?1 order by at, id", customerCase);
    }

    public static List<CaseHistoryEntry> listForCases(Collection<CustomerCase> cases) {
        return cases.isEmpty() ? List.of() : list("customerCase in ?1", cases);
    }
}
