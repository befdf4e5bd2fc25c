package io.casedesk.cases.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** The configured keys of the calling services ({@link ServiceAuthConfig}), checked in constant time. */
@ApplicationScoped
public class ServiceKeys {

    private static final Logger LOG = Logger.getLogger(ServiceKeys.class);

    /** SHA-256 of each configured key: comparing digests takes the same time whatever the key's length. */
    private final List<byte[]> keyDigests;

    public ServiceKeys(ServiceAuthConfig config) {
        this.keyDigests = config.serviceKeys().values().stream()
                .filter(key -> key != null && !key.isBlank())
                .map(ServiceKeys::digest)
                .toList();
    }

    void warnWhenNoneConfigured(@Observes StartupEvent startup) {
        if (keyDigests.isEmpty()) {
            LOG.warn("No service keys configured (casedesk.auth.service-keys.<service>): every API request will be refused");
        }
    }

    /** True when {@code presented} is the key of a configured service. */
    public boolean isKnown(String presented) {
        byte[] presentedDigest = digest(presented);
        boolean known = false;
        for (byte[] keyDigest : keyDigests) {
            // No early exit: the time taken does not reveal which key matched.
            known |= MessageDigest.isEqual(keyDigest, presentedDigest);
        }
        return known;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
