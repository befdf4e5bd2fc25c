package io.casedesk.cases.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** A bundle record taken into the entity stored under its natural key, or into a new one that is then stored. */
record ImportedRecord<E extends PanacheEntityBase>(E entity, boolean created, boolean changed) {

    /**
     * @param stored       the entity stored under the record's key; {@code null} when there is none
     * @param takeImported the entity's own {@code takeImported}: true when it changed anything
     */
    static <E extends PanacheEntityBase> ImportedRecord<E> upsert(E stored, Supplier<E> newEntity,
                                                                  Predicate<E> takeImported) {
        boolean created = stored == null;
        E entity = created ? newEntity.get() : stored;
        boolean changed = takeImported.test(entity);
        if (created) {
            // Persisted once it holds the record: its columns are not null.
            entity.persist();
        }
        return new ImportedRecord<>(entity, created, changed);
    }
}
