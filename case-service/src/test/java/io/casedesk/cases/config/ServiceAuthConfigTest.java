package io.casedesk.cases.config;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production reads each service's key digest from the environment, with its roles from application.properties;
 * this is the contract the README documents. Only digests are configured; a bad one stops the service at start.
 */
class ServiceAuthConfigTest {

    private static final String RESPONDER_KEY = "4f1c0b8e2a9d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291817161514131211100f";

    @Test
    void readsEachServicesKeyDigestFromTheEnvironmentAndItsRolesFromTheProperties() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(ServiceAuthConfig.class)
                .withSources(new PropertiesConfigSource(Map.of(
                        "casedesk.auth.services.responder.key-sha256", "${CASEDESK_AUTH_RESPONDER_KEY_SHA256:}",
                        "casedesk.auth.services.responder.roles", "read-cases,link",
                        "casedesk.auth.services.handoff.key-sha256", "${CASEDESK_AUTH_HANDOFF_KEY_SHA256:}",
                        "casedesk.auth.services.handoff.roles", "read-identity"), "application.properties", 250))
                .withSources(new EnvConfigSource(Map.of(
                        "CASEDESK_AUTH_RESPONDER_KEY_SHA256", ServiceKeys.sha256Hex(RESPONDER_KEY)), 300))
                .build();
        ServiceKeys keys = new ServiceKeys(config.getConfigMapping(ServiceAuthConfig.class));

        assertThat(keys.callerOf(RESPONDER_KEY)).hasValue(new ServiceKeys.Caller("responder", Set.of("read-cases", "link")));
        assertThat(keys.callerOf(ServiceKeys.sha256Hex(RESPONDER_KEY))).as("the digest is no key").isEmpty();
        assertThat(keys.callerOf("")).as("handoff has no digest: not let in").isEmpty();
    }

    @Test
    void noServicesConfiguredLetsNobodyIn() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ServiceAuthConfig.class).build();

        assertThat(new ServiceKeys(config.getConfigMapping(ServiceAuthConfig.class)).callerOf("anything")).isEmpty();
    }

    @Test
    void aMistypedRoleOrAKeyInPlaceOfItsDigestStopsTheServiceAtStart() {
        assertThatThrownBy(() -> keys(Map.of(
                "casedesk.auth.services.responder.key-sha256", ServiceKeys.sha256Hex("k"),
                "casedesk.auth.services.responder.roles", "read-case")))
                .hasMessageContaining("unknown role read-case");
        assertThatThrownBy(() -> keys(Map.of(
                "casedesk.auth.services.responder.key-sha256", RESPONDER_KEY.substring(1) + "x",
                "casedesk.auth.services.responder.roles", "read-cases")))
                .hasMessageContaining("is not a hex SHA-256 digest")
                .hasMessageNotContaining(RESPONDER_KEY.substring(1));
    }

    private static ServiceKeys keys(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ServiceAuthConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 250)).build();
        return new ServiceKeys(config.getConfigMapping(ServiceAuthConfig.class));
    }
}
