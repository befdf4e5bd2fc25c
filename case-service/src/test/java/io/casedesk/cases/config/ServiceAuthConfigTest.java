package io.casedesk.cases.config;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Production reads the service keys from the environment only; this is the contract the README documents. */
class ServiceAuthConfigTest {

    @Test
    void readsServiceKeysFromEnvironmentVariables() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ServiceAuthConfig.class)
                .withSources(new EnvConfigSource(Map.of(
                        "CASEDESK_AUTH_SERVICE_KEYS_RESPONDER", "responder-secret",
                        "CASEDESK_AUTH_SERVICE_KEYS_HANDOFF", "handoff-secret"), 300))
                .build();

        assertThat(config.getConfigMapping(ServiceAuthConfig.class).serviceKeys())
                .containsOnly(Map.entry("responder", "responder-secret"), Map.entry("handoff", "handoff-secret"));
    }

    @Test
    void noKeysConfiguredIsAnEmptyMap() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ServiceAuthConfig.class).build();

        assertThat(config.getConfigMapping(ServiceAuthConfig.class).serviceKeys()).isEmpty();
    }
}
