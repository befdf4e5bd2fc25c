package io.casedesk.cases.service;

import io.casedesk.cases.bundle.ImportBundle;
import io.casedesk.cases.bundle.ImportTally;
import io.casedesk.cases.model.CaseHistoryEntry;
import io.casedesk.cases.model.Customer;
import io.casedesk.cases.model.CustomerCase;
import io.casedesk.cases.model.FirmSettings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cases part of an import: each case upserted by number for its customer (in the bundle or stored), and its
 * history entries added unless the case already has the same (at, entry).
 */
final class CaseImport {

    private CaseImport() {
    }

    /**
     * @param bundleCustomers the bundle's customers by ref, as imported
     * @param bundleFirm      the bundle's firm, whose time zone closing dates are read in; may be {@code null}
     */
    static ImportTally apply(List<ImportBundle.Case> bundleCases, Map<String, Customer> bundleCustomers,
                             ImportBundle.Firm bundleFirm) {
        ZoneId firmZone = firmZone(bundleFirm);
        Map<String, Customer> owners = new HashMap<>(bundleCustomers);
        Set<String> refsOutsideBundle = bundleCases.stream().map(ImportBundle.Case::customerRef)
                .filter(ref -> !owners.containsKey(ref)).collect(Collectors.toSet());
        Customer.listByRefs(refsOutsideBundle).forEach(c -> owners.put(c.ref, c));

        Map<String, CustomerCase> stored = CustomerCase.listByNumbers(
                bundleCases.stream().map(ImportBundle.Case::number).toList()).stream()
                .collect(Collectors.toMap(c -> c.number, Function.identity()));
        Set<HistoryKey> knownHistory = CaseHistoryEntry.listForCases(stored.values()).stream()
                .map(h -> new HistoryKey(h.customerCase.id, h.at, h.entry))
                .collect(Collectors.toCollection(HashSet::new));

        ImportTally tally = new ImportTally();
        for (ImportBundle.Case data : bundleCases) {
            ImportedRecord<CustomerCase> imported = ImportedRecord.upsert(stored.get(data.number()),
                    CustomerCase::new, c -> c.takeImported(data, owners.get(data.customerRef()), firmZone));
            CustomerCase customerCase = imported.entity();
            boolean changed = imported.changed();
            for (ImportBundle.HistoryEntry entry : data.history()) {
                // Added unless the case has the same entry at the same time: history is only ever added to.
                if (knownHistory.add(new HistoryKey(customerCase.id, entry.at(), entry.entry()))) {
                    CaseHistoryEntry.add(customerCase, entry.at(), entry.entry());
                    changed = true;
                }
            }
            tally.count(imported.created(), changed);
        }
        return tally;
    }

    /** The zone a closed case's closing date is read in: the bundle's firm's, else the stored firm's, else UTC. */
    private static ZoneId firmZone(ImportBundle.Firm bundleFirm) {
        String timezone = bundleFirm != null && bundleFirm.timezone() != null ? bundleFirm.timezone()
                : FirmSettings.current().map(f -> f.timezone).orElse(null);
        return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    }

    private record HistoryKey(Long caseId, Instant at, String entry) {
    }
}
