package io.casedesk.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Removes single records a connected system (the Odoo connector) no longer has: a customer with their channel
 * identities, link codes and cases; a case with its history; an article (announced on {@code cs.firm.v1} as an
 * import's change of articles is). Serialized with imports (the import's
 * advisory lock), so a removal never interleaves with a bundle naming the same record. The conversation history
 * stays: it is the audit log, purged by retention.
 */
@ApplicationScoped
public class RecordRemoval {

    private static final Logger LOG = Logger.getLogger(RecordRemoval.class);

    private final EntityManager entityManager;
    private final BundleImporter importer;

    public RecordRemoval(EntityManager entityManager, BundleImporter importer) {
        this.entityManager = entityManager;
        this.importer = importer;
    }

    /** @return false when there was no such customer */
    @Transactional
    public boolean removeCustomer(String ref) {
        lock();
        int cases = entityManager.createNativeQuery(
                        "delete from cases where customer_id = (select id from customers where ref = ?1)")
                .setParameter(1, ref).executeUpdate();
        // Identities and link codes go with the customer (on delete cascade).
        boolean removed = entityManager.createNativeQuery("delete from customers where ref = ?1")
                .setParameter(1, ref).executeUpdate() == 1;
        if (removed) {
            LOG.infof("Removed a customer with %d case(s)", cases);
        }
        return removed;
    }

    @Transactional
    public boolean removeCase(String number) {
        lock();
        return entityManager.createNativeQuery("delete from cases where number = ?1")
                .setParameter(1, number).executeUpdate() == 1;
    }

    /** Services caching the knowledge base hear of it as of an import that changed articles. */
    @Transactional
    public boolean removeArticle(String id) {
        lock();
        boolean removed = entityManager.createNativeQuery("delete from articles where id = ?1")
                .setParameter(1, id).executeUpdate() == 1;
        if (removed) {
            importer.announceChange(false, true);
        }
        return removed;
    }

    private void lock() {
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(:key) as text)")
                .setParameter("key", BundleImporter.IMPORT_LOCK_KEY).getSingleResult();
        // Hibernate may hold loaded entities of the rows removed below; they are not used after this.
        entityManager.flush();
    }
}
