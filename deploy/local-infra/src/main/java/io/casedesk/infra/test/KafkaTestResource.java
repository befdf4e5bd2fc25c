package io.casedesk.infra.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a Quarkus test a real Kafka broker: the one in {@code KAFKA_BOOTSTRAP_SERVERS} when that is set,
 * otherwise the broker of this test JVM ({@link SharedInfrastructure}).
 * <pre>{@code @QuarkusTestResource(KafkaTestResource.class)}</pre>
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    /** The broker tests should use, for test code that talks to Kafka directly. */
    public static String bootstrapServers() {
        String external = System.getenv(BOOTSTRAP_ENV);
        return external != null && !external.isBlank() ? external : SharedInfrastructure.kafka().bootstrapServers();
    }

    @Override
    public void stop() {
        // The broker lives as long as the test JVM, shared by every test class.
    }
}
