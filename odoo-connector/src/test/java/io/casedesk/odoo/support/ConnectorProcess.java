package io.casedesk.odoo.support;

import io.casedesk.infra.FreePorts;
import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.infra.test.SharedInfrastructure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The connector from its packaged jar, in a JVM of its own, against the test JVM's infrastructure. */
public final class ConnectorProcess {

    public static final String ADMIN_KEY = "it-admin-key";

    /** Starts the connector with its own database {@code database} and the given extra settings. */
    public static ServiceProcess start(String database, Map<String, String> settings, Path log, String... jvmOptions) {
        var postgres = SharedInfrastructure.postgres();
        postgres.createDatabase(database);
        Map<String, String> properties = new LinkedHashMap<>(OdooUnderTest.connectorProperties());
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        properties.put("quarkus.datasource.username", "postgres");
        properties.put("quarkus.datasource.password", "");
        properties.put("kafka.bootstrap.servers", KafkaTestResource.bootstrapServers());
        properties.put("quarkus.rest-client.case-service.url", CaseServiceUnderTest.get().baseUrl());
        properties.put("casedesk.case-service.key", CaseServiceUnderTest.CONNECTOR_KEY);
        properties.put("casedesk.odoo.admin-keys.it", ADMIN_KEY);
        properties.put("quarkus.log.console.json.enabled", "false");
        properties.putAll(settings);
        return ServiceProcess.start("odoo-connector",
                ServiceProcess.repository().resolve("odoo-connector/target/quarkus-app/quarkus-run.jar"),
                FreePorts.pick(), properties, log, jvmOptions).awaitHealthy(Duration.ofMinutes(2));
    }

    private ConnectorProcess() {
    }
}
