package io.casedesk.infra.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a Quarkus test a real PostgreSQL database: the one in {@code CASEDESK_JDBC_URL} (with
 * {@code CASEDESK_JDBC_USERNAME} and {@code CASEDESK_JDBC_PASSWORD}) when that is set, otherwise a database
 * on the server of this test JVM ({@link SharedInfrastructure}), named by the {@code database} init argument.
 * <pre>{@code @QuarkusTestResource(value = PostgresTestResource.class,
 *         initArgs = @ResourceArg(name = "database", value = "cases"))}</pre>
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_ENV = "CASEDESK_JDBC_URL";
    public static final String USERNAME_ENV = "CASEDESK_JDBC_USERNAME";
    public static final String PASSWORD_ENV = "CASEDESK_JDBC_PASSWORD";

    private String database = "casedesk";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String external = System.getenv(URL_ENV);
        if (external != null && !external.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", System.getenv().getOrDefault(USERNAME_ENV, "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault(PASSWORD_ENV, ""),
                    "quarkus.datasource.devservices.enabled", "false");
        }
        var postgres = SharedInfrastructure.postgres();
        postgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "quarkus.datasource.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // The server lives as long as the test JVM, shared by every test class.
    }
}
