package io.casedesk.cases.config;

import io.smallrye.config.ConfigMapping;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The services allowed to call the API: {@code casedesk.auth.services.<service>.key-sha256} (the hex SHA-256 of
 * the service's key, never the key itself) and {@code casedesk.auth.services.<service>.roles} (what it may do,
 * {@link ServiceRole}). A service without a key hash is not let in.
 */
@ConfigMapping(prefix = "casedesk.auth")
public interface ServiceAuthConfig {

    Map<String, Service> services();

    interface Service {

        /** Hex SHA-256 of the key (64 hex digits); absent or blank: the service is not let in. */
        Optional<String> keySha256();

        /** The roles the service holds, by their names ({@code read-cases}, {@code import}, ...). */
        Optional<Set<String>> roles();
    }
}
