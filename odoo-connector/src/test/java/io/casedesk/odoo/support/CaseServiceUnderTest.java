package io.casedesk.odoo.support;

import io.casedesk.infra.FreePorts;
import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.infra.test.SharedInfrastructure;
import io.casedesk.schema.security.KeyDigests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** case-service from its packaged jar, on the test JVM's PostgreSQL and Kafka, started once per test JVM. */
public final class CaseServiceUnderTest {

    public static final String CONNECTOR_KEY = "dev-odoo-connector-key";
    public static final String READER_KEY = "dev-responder-key";
    private static ServiceProcess process;

    public static synchronized ServiceProcess get() {
        if (process == null) {
            var postgres = SharedInfrastructure.postgres();
            postgres.createDatabase("cases");
            Path repository = ServiceProcess.repository();
            process = ServiceProcess.start("case-service",
                    repository.resolve("case-service/target/quarkus-app/quarkus-run.jar"), FreePorts.pick(), Map.of(
                            "quarkus.datasource.jdbc.url", postgres.jdbcUrl("cases"),
                            "quarkus.datasource.username", "postgres",
                            "quarkus.datasource.password", "",
                            "kafka.bootstrap.servers", KafkaTestResource.bootstrapServers(),
                            // case-service is given only the SHA-256 of each caller's key, with the caller's roles.
                            "casedesk.auth.services.odoo-connector.key-sha256", KeyDigests.sha256Hex(CONNECTOR_KEY),
                            "casedesk.auth.services.responder.key-sha256", KeyDigests.sha256Hex(READER_KEY),
                            "quarkus.log.console.json.enabled", "false"),
                    Path.of("target", "case-service.log"))
                    .awaitHealthy(Duration.ofMinutes(2));
            Runtime.getRuntime().addShutdownHook(new Thread(process::close));
        }
        return process;
    }

    private CaseServiceUnderTest() {
    }
}
