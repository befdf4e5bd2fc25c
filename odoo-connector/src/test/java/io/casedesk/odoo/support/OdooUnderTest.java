package io.casedesk.odoo.support;

import io.casedesk.odoo.client.Json2Transport;
import io.casedesk.odoo.client.JsonRpcTransport;
import io.casedesk.odoo.client.OdooClient;
import io.casedesk.odoostandin.OdooStandIn;
import io.casedesk.odoostandin.StandInConfig;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Odoo the tests talk to: a real one when {@code ODOO_URL} is set (with {@code ODOO_DB}, {@code ODOO_USER},
 * {@code ODOO_API_KEY}, {@code ODOO_PROTOCOL}), else the stand-in, started once per test JVM. Tests that need to
 * make Odoo fail (down, slow) run only against the stand-in.
 */
public final class OdooUnderTest {

    private static OdooStandIn standIn;

    public static boolean isReal() {
        String url = System.getenv("ODOO_URL");
        return url != null && !url.isBlank();
    }

    public static synchronized Optional<OdooStandIn> standIn() {
        if (isReal()) {
            return Optional.empty();
        }
        if (standIn == null) {
            standIn = OdooStandIn.start(StandInConfig.forTests());
        }
        return Optional.of(standIn);
    }

    public static String url() {
        return isReal() ? System.getenv("ODOO_URL") : standIn().orElseThrow().baseUrl().toString();
    }

    public static String database() {
        return isReal() ? System.getenv().getOrDefault("ODOO_DB", "") : standIn().orElseThrow().config().database();
    }

    public static String login() {
        return isReal() ? System.getenv().getOrDefault("ODOO_USER", "admin") : standIn().orElseThrow().config().login();
    }

    public static String apiKey() {
        return isReal() ? System.getenv("ODOO_API_KEY") : standIn().orElseThrow().config().apiKey();
    }

    public static String protocol() {
        return System.getenv().getOrDefault("ODOO_PROTOCOL", "jsonrpc");
    }

    /** The partner field with the LINE user id: a custom field the stand-in has; a real Odoo names its own. */
    public static Optional<String> lineUserIdField() {
        String field = System.getenv("ODOO_LINE_USER_ID_FIELD");
        if (field != null) {
            return field.isBlank() ? Optional.empty() : Optional.of(field);
        }
        return isReal() ? Optional.empty() : Optional.of("x_line_user_id");
    }

    public static OdooClient client(String protocol) {
        OdooClient.Transport transport = "json2".equals(protocol)
                ? new Json2Transport(url(), database(), apiKey(), Duration.ofSeconds(3), Duration.ofSeconds(30))
                : new JsonRpcTransport(url(), database(), login(), apiKey(), Duration.ofSeconds(3), Duration.ofSeconds(30));
        return new OdooClient(transport);
    }

    public static OdooClient client() {
        return client(protocol());
    }

    /** The connector's configuration for this Odoo. */
    public static Map<String, String> connectorProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("casedesk.odoo.connection.url", url());
        properties.put("casedesk.odoo.connection.protocol", protocol());
        properties.put("casedesk.odoo.connection.database", database());
        properties.put("casedesk.odoo.connection.login", login());
        properties.put("casedesk.odoo.connection.api-key", apiKey());
        lineUserIdField().ifPresent(f -> properties.put("casedesk.odoo.customer.line-user-id-field", f));
        return properties;
    }

    private OdooUnderTest() {
    }
}
