package io.casedesk.odoostandin;

import java.util.Map;
import java.util.Properties;

/**
 * Where the stand-in listens and the one user it knows (uid 2, as the first real user of an Odoo database):
 * its login, password and API key. Over JSON-RPC the password or the API key authenticates; JSON-2 takes only
 * the API key.
 *
 * @param port     0 for any free port
 * @param demoData {@code demo} (the demo firm, from {@code bundle}), {@code generate} (realistic data in bulk) or
 *                 {@code empty}
 */
public record StandInConfig(int port, String database, String login, String password, String apiKey,
        String demoData, String bundle, int partners, int tasks) {

    public static StandInConfig forTests() {
        return new StandInConfig(0, "casedesk", "admin", "admin", "casedesk-standin-api-key", "empty", null, 0, 0);
    }

    public StandInConfig withPort(int newPort) {
        return new StandInConfig(newPort, database, login, password, apiKey, demoData, bundle, partners, tasks);
    }

    /**
     * From system properties {@code odoo.standin.*} (port, database, login, password, api-key, data, bundle,
     * partners, tasks), else the environment ({@code ODOO_STANDIN_*}), else the test defaults.
     */
    public static StandInConfig fromEnvironment(Properties properties, Map<String, String> environment) {
        StandInConfig defaults = forTests();
        java.util.function.BiFunction<String, String, String> get = (key, fallback) -> {
            String value = properties.getProperty("odoo.standin." + key);
            if (value == null) {
                value = environment.get("ODOO_STANDIN_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }
            return value == null || value.isBlank() ? fallback : value;
        };
        return new StandInConfig(
                Integer.parseInt(get.apply("port", "8069")),
                get.apply("database", defaults.database()),
                get.apply("login", defaults.login()),
                get.apply("password", defaults.password()),
                get.apply("api-key", defaults.apiKey()),
                get.apply("data", "empty"),
                get.apply("bundle", null),
                Integer.parseInt(get.apply("partners", "1000")),
                Integer.parseInt(get.apply("tasks", "2000")));
    }

    @Override
    public String toString() {
        // Never the password or key.
        return "port " + port + ", database " + database + ", login " + login + ", data " + demoData;
    }
}
