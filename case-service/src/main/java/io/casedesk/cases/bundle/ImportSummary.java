package io.casedesk.cases.bundle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did. A record is the firm, one customer (with its channel identities), one case (with its
 * history) or one article; {@code created + updated + unchanged} counts all of them, {@code removed} the stored
 * articles a bundle's knowledge base no longer holds.
 *
 * @param customers number of customers in the bundle
 * @param cases     number of cases in the bundle
 * @param articles  number of articles in the bundle
 * @param changes   the same counts per kind: {@code firm}, {@code customers}, {@code cases}, {@code articles}
 */
public record ImportSummary(int customers, int cases, int articles, int created, int updated, int unchanged,
                            int removed, Map<String, Changes> changes) {

    /** The summary of an import of {@code bundle} whose parts did what their tallies counted. */
    public static ImportSummary of(ImportBundle bundle, ImportTally firm, ImportTally customers, ImportTally cases,
                                   ImportTally articles) {
        Map<String, Changes> changes = new LinkedHashMap<>();
        changes.put("firm", firm.toChanges());
        changes.put("customers", customers.toChanges());
        changes.put("cases", cases.toChanges());
        changes.put("articles", articles.toChanges());
        List<Changes> all = List.copyOf(changes.values());
        return new ImportSummary(bundle.customers().size(), bundle.cases().size(), bundle.articles().size(),
                all.stream().mapToInt(Changes::created).sum(),
                all.stream().mapToInt(Changes::updated).sum(),
                all.stream().mapToInt(Changes::unchanged).sum(),
                all.stream().mapToInt(Changes::removed).sum(),
                changes);
    }

    public record Changes(int created, int updated, int unchanged, int removed) {
    }
}
