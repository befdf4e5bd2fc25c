package io.casedesk.infra.test;

import io.casedesk.infra.Directories;
import io.casedesk.infra.LocalKafka;
import io.casedesk.infra.LocalPostgres;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, started on first use and stopped (and their
 * throw-away directories removed) when the JVM exits.
 */
public final class SharedInfrastructure {

    private static LocalKafka kafka;
    private static LocalPostgres postgres;
    private static Path root;

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            kafka = LocalKafka.start(root().resolve("kafka"), 0, Duration.ofMinutes(2));
        }
        return kafka;
    }

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            postgres = LocalPostgres.start(root().resolve("postgres"), 0, false);
        }
        return postgres;
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
        if (postgres != null) {
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
