package io.casedesk.cases.bundle;

/** What an import did to the records of one part of a bundle: the firm, its customers, cases or articles. */
public final class ImportTally {

    private int created;
    private int updated;
    private int unchanged;
    private int removed;

    /** Counts one record of the bundle: created, else updated when any of it changed, else unchanged. */
    public void count(boolean created, boolean changed) {
        if (created) {
            this.created++;
        } else if (changed) {
            updated++;
        } else {
            unchanged++;
        }
    }

    /** Counts a stored record the bundle removed. */
    public void countRemoved() {
        removed++;
    }

    public boolean changedAny() {
        return created + updated + removed > 0;
    }

    ImportSummary.Changes toChanges() {
        return new ImportSummary.Changes(created, updated, unchanged, removed);
    }
}
