package io.casedesk.odoo.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** The keys of {@code casedesk.odoo.admin-keys}, compared in constant time (as digests, whatever their length). */
@ApplicationScoped
public class AdminKeys {

    private static final Logger LOG = Logger.getLogger(AdminKeys.class);

    private final List<byte[]> digests;

    public AdminKeys(OdooConfig config) {
        this.digests = config.adminKeys().values().stream().filter(k -> k != null && !k.isBlank())
                .map(AdminKeys::digest).toList();
    }

    void warnWhenNoneConfigured(@Observes StartupEvent startup) {
        if (digests.isEmpty()) {
            LOG.warn("No casedesk.odoo.admin-keys configured: every request to the sync API is refused");
        }
    }

    public boolean isKnown(String presented) {
        byte[] presentedDigest = digest(presented);
        boolean known = false;
        for (byte[] digest : digests) {
            known |= MessageDigest.isEqual(digest, presentedDigest);
        }
        return known;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
