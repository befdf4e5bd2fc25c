package io.casedesk.cases.bundle;

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

    public record Changes(int created, int updated, int unchanged, int removed) {
    }
}
