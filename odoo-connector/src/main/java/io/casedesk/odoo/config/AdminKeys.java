package io.casedesk.odoo.config;

import io.casedesk.schema.security.KeyDigests;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/** The keys of {@code casedesk.odoo.admin-keys}, compared in constant time (as digests, whatever their length). */
@ApplicationScoped
public class AdminKeys {

    private static final Logger LOG = Logger.getLogger(AdminKeys.class);

    private final List<byte[]> digests;

    public AdminKeys(OdooConfig config) {
        this.digests = config.adminKeys().values().stream().filter(k -> k != null && !k.isBlank())
                .map(KeyDigests::sha256).toList();
    }

    void warnWhenNoneConfigured(@Observes StartupEvent startup) {
        if (digests.isEmpty()) {
            LOG.warn("No casedesk.odoo.admin-keys configured: every request to the sync API is refused");
        }
    }

    public boolean isKnown(String presented) {
        return KeyDigests.matchesAny(presented, digests);
    }
}
