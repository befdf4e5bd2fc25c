package io.casedesk.cases.model;

import java.math.BigDecimal;
import java.util.Objects;

/** Whether taking a record's imported values changed any of them: an import that changes nothing writes nothing. */
final class ChangeTracker {

    private boolean changed;

    <T> T take(T current, T next) {
        if (!Objects.equals(current, next)) {
            changed = true;
        }
        return next;
    }

    /** Amounts compare by value: 30000 and 30000.00 are the same fee, and the stored one stays. */
    BigDecimal takeAmount(BigDecimal current, BigDecimal next) {
        boolean same = current == null ? next == null : next != null && current.compareTo(next) == 0;
        if (!same) {
            changed = true;
            return next;
        }
        return current;
    }

    void mark() {
        changed = true;
    }

    boolean changed() {
        return changed;
    }
}
