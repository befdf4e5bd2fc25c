package io.casedesk.launcher;

import io.casedesk.infra.LocalPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./casedesk up --odoo}: the Odoo stand-in loaded with the demo firm (as a firm keeps it in Odoo: partners,
 * tasks in stages, open invoices, knowledge articles) and the odoo-connector pointed at it and at case-service.
 * The connector's settings here are the ones a firm writes for its own Odoo, with the stand-in's address and key.
 */
final class OdooDemo {

    static final String CONNECTOR = "odoo-connector";
    static final String STAND_IN = "odoo-standin";
    static final String CONNECTOR_KEY = "dev-odoo-connector-key";
    static final String STAND_IN_API_KEY = "casedesk-standin-api-key";
    /** Odoo's usual port, and the port after case-service's. */
    static final int STAND_IN_PORT = 8069;
    static final int CONNECTOR_PORT = 8087;

    private OdooDemo() {
    }

    static int standInPort(StackSettings settings) {
        return settings.caseServicePort() == 8086 ? STAND_IN_PORT : io.casedesk.infra.FreePorts.pick();
    }

    static int connectorPort(StackSettings settings) {
        return settings.caseServicePort() == 8086 ? CONNECTOR_PORT : io.casedesk.infra.FreePorts.pick();
    }

    static Path connectorJar(StackSettings settings) {
        return settings.repository().resolve(CONNECTOR).resolve("target/quarkus-app/quarkus-run.jar");
    }

    static void checkBuilt(StackSettings settings) {
        if (!Files.isRegularFile(connectorJar(settings))) {
            throw new IllegalStateException(connectorJar(settings) + " is missing: build with ./mvnw -B install -DskipTests");
        }
    }

    /** The stand-in as a process, loaded with the demo firm's bundle. */
    static List<String> standInCommand(List<String> java, int port, Path bundle) {
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of(
                "-Dodoo.standin.port=" + port,
                "-Dodoo.standin.data=demo",
                "-Dodoo.standin.bundle=" + bundle,
                "-Dodoo.standin.api-key=" + STAND_IN_API_KEY,
                "-cp", System.getProperty("java.class.path"),
                "io.casedesk.odoostandin.OdooStandInMain"));
        return command;
    }

    /** The connector's settings: the stand-in as the firm's Odoo, mapped as the demo firm keeps its records. */
    static Map<String, String> connectorProperties(StackSettings settings, int standInPort) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("casedesk.odoo.connection.url", "http://127.0.0.1:" + standInPort);
        properties.put("casedesk.odoo.connection.protocol", "jsonrpc");
        properties.put("casedesk.odoo.connection.database", "casedesk");
        properties.put("casedesk.odoo.connection.login", "admin");
        properties.put("casedesk.odoo.connection.api-key", STAND_IN_API_KEY);
        properties.put("casedesk.odoo.customer.domain", "[[\"customer_rank\",\">\",0]]");
        properties.put("casedesk.odoo.customer.line-user-id-field", "x_line_user_id");
        properties.put("casedesk.odoo.customer.salutation-field", "x_salutation");
        properties.put("casedesk.odoo.customer.vip-field", "x_vip");
        properties.put("casedesk.odoo.customer.verification-secret-field", "x_verification_secret");
        properties.put("casedesk.odoo.case.number-field", "x_case_number");
        properties.put("casedesk.odoo.case.stage-text-field", "x_stage_detail");
        properties.put("casedesk.odoo.knowledge.model", "knowledge.article");
        properties.put("casedesk.odoo.knowledge.id-field", "x_article_id");
        properties.put("casedesk.odoo.knowledge.language-field", "x_language");
        properties.put("casedesk.odoo.knowledge.tags-field", "x_tags");
        properties.put("casedesk.odoo.sync.interval", "30s");
        properties.put("casedesk.odoo.admin-keys.launcher", StackSettings.LAUNCHER_KEY);
        properties.put("quarkus.rest-client.case-service.url", settings.caseServiceUrl());
        properties.put("casedesk.case-service.key", CONNECTOR_KEY);
        properties.put("quarkus.datasource.jdbc.url", settings.jdbcUrl("odoo_connector"));
        properties.put("quarkus.datasource.username", LocalPostgres.SUPERUSER);
        properties.put("quarkus.datasource.password", "");
        return properties;
    }

    static String whereThingsAre(int standInPort, int connectorPort) {
        return """
                Odoo (stand-in, the demo firm as Odoo records): http://127.0.0.1:%1$d (JSON-RPC /jsonrpc, JSON-2 /json/2)
                  the connector's sync: curl -s -H 'Authorization: Bearer dev-launcher-key' http://127.0.0.1:%2$d/api/v1/sync/status
                  a case's chatter after ./casedesk say C-1001 ...: curl -s http://127.0.0.1:%1$d/standin/chatter?model=project.task
                """.formatted(standInPort, connectorPort);
    }
}
