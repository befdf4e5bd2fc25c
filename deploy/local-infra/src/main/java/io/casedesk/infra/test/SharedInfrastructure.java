package io.casedesk.infra.test;

import io.casedesk.infra.Directories;
import io.casedesk.infra.LocalKafka;
import io.casedesk.infra.LocalPostgres;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, started on first use and stopped (and their
 * throw-away directories removed) when the JVM exits.
 *
 * <p>Quarkus loads test code again, in a new class loader, for each test class that needs a different set of test
 * resources, so static fields alone would start a second broker. The ports of the running servers are therefore also
 * kept in system properties, which every class loader of the JVM sees; a later copy of this class attaches to them.
 */
public final class SharedInfrastructure {

    private static final String KAFKA_PORT = "casedesk.test.kafka.port";
    private static final String POSTGRES_PORT = "casedesk.test.postgres.port";

    private static LocalKafka kafka;
    private static LocalPostgres postgres;
    private static Path root;

    public static LocalKafka kafka() {
        synchronized (System.class) { // one lock for every class loader's copy of this class
            if (kafka == null) {
                String running = System.getProperty(KAFKA_PORT);
                kafka = running != null ? LocalKafka.attach(Integer.parseInt(running))
                        : LocalKafka.start(root().resolve("kafka"), 0, Duration.ofMinutes(2));
                System.setProperty(KAFKA_PORT, String.valueOf(kafka.port()));
            }
            return kafka;
        }
    }

    public static LocalPostgres postgres() {
        synchronized (System.class) {
            if (postgres == null) {
                String running = System.getProperty(POSTGRES_PORT);
                postgres = running != null ? LocalPostgres.attach(Integer.parseInt(running))
                        : LocalPostgres.start(root().resolve("postgres"), 0, false);
                System.setProperty(POSTGRES_PORT, String.valueOf(postgres.port()));
            }
            return postgres;
        }
    }

    private static Path root() {
        if (root == null) {
            root = Path.of(System.getProperty("user.dir"), "target", "local-infra-" + ProcessHandle.current().pid())
                    .toAbsolutePath();
            Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopAll, "local-infra-shutdown"));
        }
        return root;
    }

    private static synchronized void stopAll() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null && postgres.home() != null) {
            postgres.close();
            delete(postgres.home());
        }
        delete(root);
    }

    private static void delete(Path directory) {
        try {
            Directories.deleteRecursively(directory);
        } catch (java.io.UncheckedIOException e) {
            // A leftover directory under target/ is harmless; the next clean removes it.
        }
    }

    private SharedInfrastructure() {
    }
}
