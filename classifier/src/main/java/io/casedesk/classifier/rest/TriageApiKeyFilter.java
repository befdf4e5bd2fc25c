package io.casedesk.classifier.rest;

import io.casedesk.schema.security.KeyDigests;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * The triage API runs the engine (and, with the {@code openai} engine, a paid model) on any text: only callers with
 * the configured key may use it, {@code 401} otherwise, and nobody when no key is configured. The key is configured
 * as its SHA-256 and compared in constant time. {@code /q} (health, metrics) is not JAX-RS and stays open.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TriageApiKeyFilter implements ContainerRequestFilter {

    private final Key key;

    public TriageApiKeyFilter(Key key) {
        this.key = key;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!KeyDigests.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION)).filter(key::matches).isPresent()) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "unauthorized"))
                    .build());
        }
    }

    /** The configured key's digest (filters are made before runtime configuration is read, so it is a bean of its own). */
    @ApplicationScoped
    public static class Key {

        private static final Logger LOG = Logger.getLogger(Key.class);

        /** {@code null} when none is configured: then nobody gets in. */
        private final byte[] digest;

        public Key(TriageApiConfig config) {
            String hex = config.keySha256().map(String::trim).orElse("");
            if (!hex.isEmpty() && !KeyDigests.isHexDigest(hex)) {
                throw new IllegalStateException("casedesk.triage-api.key-sha256 is not a hex SHA-256 digest");
            }
            this.digest = hex.isEmpty() ? null : KeyDigests.parseHex(hex, "casedesk.triage-api.key-sha256");
        }

        void warnWhenNone(@Observes StartupEvent startup) {
            if (digest == null) {
                LOG.info("No triage API key configured (casedesk.triage-api.key-sha256): POST /api/v1/triage is refused");
            }
        }

        boolean matches(String presented) {
            return digest != null && KeyDigests.matchesAny(presented, java.util.List.of(digest));
        }
    }
}
