package io.casedesk.classifier.rest;

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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    private static final String BEARER_PREFIX = "Bearer ";

    private final Key key;

    public TriageApiKeyFilter(Key key) {
        this.key = key;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null
                && authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length());
        if (!bearer || !key.matches(authorization.substring(BEARER_PREFIX.length()).trim())) {
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
            if (!hex.isEmpty() && (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0))) {
                throw new IllegalStateException("casedesk.triage-api.key-sha256 is not a hex SHA-256 digest");
            }
            this.digest = hex.isEmpty() ? null : HexFormat.of().parseHex(hex);
        }

        void warnWhenNone(@Observes StartupEvent startup) {
            if (digest == null) {
                LOG.info("No triage API key configured (casedesk.triage-api.key-sha256): POST /api/v1/triage is refused");
            }
        }

        boolean matches(String presented) {
            return digest != null && MessageDigest.isEqual(digest, sha256(presented));
        }

        private static byte[] sha256(String key) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available in this JVM", e);
            }
        }
    }
}
