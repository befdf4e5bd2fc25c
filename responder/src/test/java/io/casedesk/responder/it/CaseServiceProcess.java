package io.casedesk.responder.it;

import io.casedesk.infra.FreePorts;
import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.infra.test.SharedInfrastructure;
import io.casedesk.schema.security.KeyDigests;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real case-service for the responder's end-to-end tests: its packaged jar, started as its own process against
 * the shared PostgreSQL and Kafka, with the demo firm imported through its API. One per test JVM.
 */
public class CaseServiceProcess implements QuarkusTestResourceLifecycleManager {

    static final String RESPONDER_KEY = "it-responder-key";
    private static final String IMPORT_KEY = "it-import-key";
    private static final Path JAR = Path.of("../case-service/target/quarkus-app/quarkus-run.jar");
    private static final Path DEMO_BUNDLE = Path.of("../deploy/demo-data/lawfirm-demo.json");

    private static Process process;
    private static String baseUrl;

    @Override
    public synchronized Map<String, String> start() {
        if (process == null) {
            baseUrl = launch();
        }
        return Map.of("quarkus.rest-client.case-service.url", baseUrl, "casedesk.case-service.key", RESPONDER_KEY);
    }

    private static String launch() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build case-service first "
                    + "(./mvnw -B install -DskipTests -pl case-service)");
        }
        var postgres = SharedInfrastructure.postgres();
        postgres.createDatabase("responder_it_cases");
        int port = FreePorts.pick();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", String.valueOf(port));
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("responder_it_cases"));
        properties.put("quarkus.datasource.username", "postgres");
        properties.put("quarkus.datasource.password", "");
        properties.put("kafka.bootstrap.servers", KafkaTestResource.bootstrapServers());
        // case-service holds only the keys' digests; the responder's key reads, the launcher's imports.
        properties.put("casedesk.auth.services.responder.key-sha256", KeyDigests.sha256Hex(RESPONDER_KEY));
        properties.put("casedesk.auth.services.launcher.key-sha256", KeyDigests.sha256Hex(IMPORT_KEY));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        // A packaged service runs in the prod profile, where a profiled key would win over a plain one.
        properties.forEach((key, value) -> {
            command.add("-D" + key + "=" + value);
            command.add("-D%prod." + key + "=" + value);
        });
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Path log = Path.of("target", "case-service-it.log");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start case-service", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
        String url = "http://127.0.0.1:" + port;
        awaitReady(url, log);
        importDemoFirm(url);
        return url;
    }

    private static void awaitReady(String url, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("case-service exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("case-service not ready after 2 minutes; see " + log.toAbsolutePath());
    }

    private static void importDemoFirm(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/v1/import"))
                    .header("Authorization", "Bearer " + IMPORT_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(DEMO_BUNDLE))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Demo import failed with HTTP " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; the shutdown hook stops it.
    }
}
