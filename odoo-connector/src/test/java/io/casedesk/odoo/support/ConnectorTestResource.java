package io.casedesk.odoo.support;

import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.infra.test.SharedInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connector under test against real neighbours: PostgreSQL and Kafka of the test JVM, case-service from its
 * jar, and the Odoo of {@link OdooUnderTest}. The schedule is off: tests run the sync when they mean to.
 */
public class ConnectorTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        var postgres = SharedInfrastructure.postgres();
        postgres.createDatabase("odoo_connector");
        ServiceProcess caseService = CaseServiceUnderTest.get();
        Map<String, String> properties = new LinkedHashMap<>(OdooUnderTest.connectorProperties());
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("odoo_connector"));
        properties.put("quarkus.datasource.username", "postgres");
        properties.put("quarkus.datasource.password", "");
        properties.put("kafka.bootstrap.servers", KafkaTestResource.bootstrapServers());
        properties.put("quarkus.rest-client.case-service.url", caseService.baseUrl());
        properties.put("casedesk.case-service.key", CaseServiceUnderTest.CONNECTOR_KEY);
        properties.put("casedesk.odoo.sync.enabled", "false");
        properties.put("casedesk.odoo.sync.overlap", "0s");
        properties.put("casedesk.odoo.write-back.send-interval", "200ms");
        properties.put("casedesk.odoo.connection.retry.initial-delay", "100ms");
        properties.put("casedesk.odoo.connection.retry.max-retries", "2");
        properties.put("casedesk.odoo.connection.timeout", "2s");
        properties.put("casedesk.odoo.customer.domain", "[[\"ref\",\"=like\",\"CDIT-%\"]]");
        properties.put("casedesk.odoo.case.domain", "[[\"name\",\"=like\",\"CDIT %\"]]");
        properties.put("casedesk.odoo.case.number-prefix", "CDIT-T-");
        if (OdooUnderTest.standIn().isPresent()) {
            // Knowledge is an Odoo Enterprise app; the stand-in has its model.
            properties.put("casedesk.odoo.knowledge.model", "knowledge.article");
            properties.put("casedesk.odoo.knowledge.domain", "[[\"name\",\"=like\",\"CDIT %\"]]");
            properties.put("casedesk.odoo.knowledge.id-field", "x_article_id");
        }
        return properties;
    }

    @Override
    public void stop() {
        // case-service and the stand-in live as long as the test JVM.
    }
}
