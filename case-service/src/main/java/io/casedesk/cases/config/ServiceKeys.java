package io.casedesk.cases.config;

import io.casedesk.schema.security.KeyDigests;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The calling services ({@link ServiceAuthConfig}): each known by the SHA-256 of its key, with its roles.
 * <p>
 * Only digests are configured and kept, so case-service's configuration does not hold usable keys. A plain SHA-256
 * is enough because keys are long random values (32 random bytes: nothing to guess, no dictionary to try), and it
 * is cheap on every request, unlike a password hash. A presented key is compared with every service's digest in
 * constant time, without stopping at a match.
 */
@ApplicationScoped
public class ServiceKeys {

    private static final Logger LOG = Logger.getLogger(ServiceKeys.class);

    /** A service that presented its key: its name and roles. */
    public record Caller(String service, Set<String> roles) {
    }

    private record Known(byte[] keyDigest, Caller caller) {
    }

    private final List<Known> known;

    public ServiceKeys(ServiceAuthConfig config) {
        this.known = read(config.services());
    }

    static List<Known> read(Map<String, ServiceAuthConfig.Service> services) {
        List<Known> known = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        services.forEach((service, settings) -> {
            Set<String> roles = new TreeSet<>(settings.roles().orElse(Set.of()));
            roles.removeIf(String::isBlank);
            for (String role : roles) {
                if (!ServiceRole.ALL.contains(role)) {
                    problems.add("casedesk.auth.services." + service + ".roles names unknown role " + role
                            + " (known: " + new TreeSet<>(ServiceRole.ALL) + ")");
                }
            }
            String digest = settings.keySha256().map(String::trim).orElse("");
            if (digest.isEmpty()) {
                return;
            }
            if (!KeyDigests.isHexDigest(digest)) {
                problems.add("casedesk.auth.services." + service + ".key-sha256 is not a hex SHA-256 digest");
                return;
            }
            known.add(new Known(HexFormat.of().parseHex(digest), new Caller(service, Set.copyOf(roles))));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return List.copyOf(known);
    }

    void warnWhenNoneConfigured(@Observes StartupEvent startup) {
        if (known.isEmpty()) {
            LOG.warn("No service keys configured (casedesk.auth.services.<service>.key-sha256): every API request "
                    + "will be refused");
        }
        known.forEach(k -> LOG.infof("Service %s may call the API with roles %s", k.caller().service(),
                k.caller().roles()));
    }

    /** The service whose key {@code presented} is, if any. */
    public Optional<Caller> callerOf(String presented) {
        byte[] presentedDigest = KeyDigests.sha256(presented);
        Caller match = null;
        for (Known candidate : known) {
            // No early exit: the time taken does not reveal which key matched.
            if (MessageDigest.isEqual(candidate.keyDigest(), presentedDigest)) {
                match = candidate.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    /** The hex SHA-256 of a key, as {@code key-sha256} wants it ({@code printf %s "$key" | sha256sum}). */
    public static String sha256Hex(String key) {
        return KeyDigests.sha256Hex(key);
    }
}
