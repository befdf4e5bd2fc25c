package io.casedesk.launcher;

import io.casedesk.infra.LocalKafka;
import io.casedesk.infra.LocalPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The whole CaseDesk system on one machine: a Kafka broker, PostgreSQL, every service from its packaged
 * Quarkus jar, and the LINE simulator. Used by {@code ./casedesk up} and by the end-to-end test.
 */
final class LocalStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("case-service", "ingress-line", "ingress-email", "classifier",
            "responder", "handoff");
    /** A part that died is started again, at most this often in {@link #RESTART_WINDOW}, as a supervisor would. */
    private static final int MAX_RESTARTS = 3;
    private static final Duration RESTART_WINDOW = Duration.ofMinutes(10);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    private final StackSettings settings;
    private final Consumer<String> progress;
    private final StackOptions options;
    private int odooStandInPort;
    private int odooConnectorPort;
    private LocalKafka kafka;
    private LocalPostgres postgres;
    private LocalMailServer mail;
    private final List<ManagedProcess> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ProcessWatchdog watchdog;
    private volatile Runnable afterRestart = () -> { };

    /** Configured with the demo firm, nothing started: {@link #start} starts it. */
    LocalStack(StackSettings settings, Consumer<String> progress) {
        this(settings, progress, StackOptions.demo(settings.repository()));
    }

    /** Configured, nothing started. */
    LocalStack(StackSettings settings, Consumer<String> progress, StackOptions options) {
        this.settings = settings;
        this.progress = progress;
        this.options = options;
        this.watchdog = new ProcessWatchdog(processes, progress, () -> afterRestart.run(), MAX_RESTARTS, RESTART_WINDOW,
                WATCH_INTERVAL);
    }

    /** Starts everything and returns once every part is healthy; on failure, what started is stopped again. */
    static LocalStack start(StackSettings settings, Path bundle, Consumer<String> progress) {
        return start(settings, new StackOptions(bundle, false, null), progress);
    }

    /** As {@link #start(StackSettings, Path, Consumer)}, with the Odoo stand-in and the odoo-connector when {@code odoo}. */
    static LocalStack start(StackSettings settings, Path bundle, Consumer<String> progress, boolean odoo) {
        return start(settings, new StackOptions(bundle, odoo, null), progress);
    }

    /** Starts everything as {@code options} say and returns once every part is healthy. */
    static LocalStack start(StackSettings settings, StackOptions options, Consumer<String> progress) {
        LocalStack stack = new LocalStack(settings, progress, options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Path bundle = options.bundle();
        boolean odoo = options.odoo();
        checkServicesAreBuilt();
        if (odoo) {
            OdooDemo.checkBuilt(settings);
        }
        progress.accept("Starting Kafka (KRaft) on " + settings.kafkaBootstrap() + " and PostgreSQL on port "
                + settings.postgresPort() + " ...");
        CompletableFuture<LocalKafka> kafkaStart = CompletableFuture.supplyAsync(
                () -> LocalKafka.start(settings.home().resolve("kafka"), settings.kafkaPort(), Duration.ofMinutes(2)));
        CompletableFuture<LocalPostgres> postgresStart = CompletableFuture.supplyAsync(
                () -> LocalPostgres.start(settings.home().resolve("postgres"), settings.postgresPort(), settings.durable()));
        try {
            kafka = kafkaStart.join();
            postgres = postgresStart.join();
        } catch (CompletionException e) {
            kafkaStart.thenAccept(LocalKafka::close);
            postgresStart.thenAccept(LocalPostgres::close);
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        postgres.createDatabase("cases");
        postgres.createDatabase("handoff");
        if (odoo) {
            postgres.createDatabase("odoo_connector");
        }
        mail = LocalMailServer.start(settings.smtpPort(), settings.imapPort());
        progress.accept("Mail server: SMTP on port " + settings.smtpPort() + ", IMAP on port " + settings.imapPort());

        progress.accept("Starting the LINE simulator and " + SERVICES.size() + " services on " + settings.bindAddress()
                + " ...");
        if (settings.bindsBeyondLoopback()) {
            progress.accept("WARNING: CASEDESK_BIND=" + settings.bindAddress() + ": the services are reachable from "
                    + "the network, with the local stack's documented sign-ins and keys");
        }
        processes.add(ManagedProcess.start("line-simulator", simulatorCommand(),
                settings.simulatorUrl() + "/simulator/health", settings.logs().resolve("line-simulator.log")));
        for (ServiceSpec service : services()) {
            processes.add(ManagedProcess.start(service.module(), serviceCommand(service),
                    service.baseUrl() + "/q/health/ready", settings.logs().resolve(service.module() + ".log")));
        }
        if (odoo) {
            startOdoo(bundle == null ? Casedesk.demoBundle(settings.repository()) : bundle);
        }
        List<CompletableFuture<Void>> health = processes.stream()
                .map(p -> CompletableFuture.runAsync(() -> {
                    p.awaitHealthy(Duration.ofMinutes(3));
                    progress.accept("  " + p.name() + " is healthy");
                }))
                .toList();
        try {
            CompletableFuture.allOf(health.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (bundle != null) {
            progress.accept("Importing the firm from " + bundle + " ...");
            progress.accept("  " + importBundle(bundle));
        }
        watchdog.start();
    }

    private void startOdoo(Path bundle) {
        odooStandInPort = OdooDemo.standInPort(settings);
        odooConnectorPort = OdooDemo.connectorPort(settings);
        progress.accept("Starting the Odoo stand-in (the firm as Odoo records) and the odoo-connector ...");
        processes.add(ManagedProcess.start(OdooDemo.STAND_IN, OdooDemo.standInCommand(javaCommand(), odooStandInPort, bundle),
                "http://127.0.0.1:" + odooStandInPort + "/standin/health", settings.logs().resolve("odoo-standin.log")));
        ServiceSpec connector = new ServiceSpec(OdooDemo.CONNECTOR, odooConnectorPort,
                withCommon(odooConnectorPort, OdooDemo.connectorProperties(settings, odooStandInPort)));
        processes.add(ManagedProcess.start(connector.module(), serviceCommand(connector),
                connector.baseUrl() + "/q/health/ready", settings.logs().resolve(connector.module() + ".log")));
    }

    boolean odoo() {
        return options.odoo();
    }

    StackOptions options() {
        return options;
    }

    int odooStandInPort() {
        return odooStandInPort;
    }

    int odooConnectorPort() {
        return odooConnectorPort;
    }

    List<ServiceSpec> services() {
        String kafkaServers = settings.kafkaBootstrap();
        List<ServiceSpec> services = new ArrayList<>();
        services.add(new ServiceSpec("case-service", settings.caseServicePort(), withCommon(settings.caseServicePort(), Map.of(
                "quarkus.datasource.jdbc.url", settings.jdbcUrl("cases"),
                "quarkus.datasource.username", LocalPostgres.SUPERUSER,
                "quarkus.datasource.password", "",
                // Only the keys' digests; each caller's roles are case-service's defaults (responder: reading and
                // linking; handoff: reading; launcher: import).
                "casedesk.auth.services.responder.key-sha256", StackSettings.sha256Hex(StackSettings.RESPONDER_KEY),
                "casedesk.auth.services.handoff.key-sha256", StackSettings.sha256Hex(StackSettings.HANDOFF_KEY),
                "casedesk.auth.services.launcher.key-sha256", StackSettings.sha256Hex(StackSettings.LAUNCHER_KEY),
                "casedesk.auth.services.odoo-connector.key-sha256", StackSettings.sha256Hex(OdooDemo.CONNECTOR_KEY)))));
        services.add(new ServiceSpec("ingress-line", settings.ingressLinePort(), withCommon(settings.ingressLinePort(), Map.of(
                "casedesk.line.channel-secret", StackSettings.LINE_CHANNEL_SECRET,
                "casedesk.line.channel-token", StackSettings.LINE_CHANNEL_TOKEN,
                "casedesk.line.api-base-url", settings.simulatorUrl(),
                // The simulator is LINE's content API too.
                "casedesk.line.data-api-base-url", settings.simulatorUrl(),
                "casedesk.line.attachments.key-sha256", StackSettings.sha256Hex(StackSettings.ATTACHMENTS_KEY)))));
        Map<String, String> email = new LinkedHashMap<>();
        email.put("quarkus.mailer.host", "127.0.0.1");
        email.put("quarkus.mailer.port", String.valueOf(settings.smtpPort()));
        email.put("quarkus.mailer.start-tls", "DISABLED");
        email.put("quarkus.mailer.tls", "false");
        email.put("quarkus.mailer.from", LocalMailServer.SUPPORT_ADDRESS);
        email.put("casedesk.email.imap.enabled", "true");
        email.put("casedesk.email.imap.host", "127.0.0.1");
        email.put("casedesk.email.imap.port", String.valueOf(settings.imapPort()));
        email.put("casedesk.email.imap.protocol", "imap");
        email.put("casedesk.email.imap.start-tls", "false");
        email.put("casedesk.email.imap.username", LocalMailServer.SUPPORT_ADDRESS);
        email.put("casedesk.email.imap.password", LocalMailServer.SUPPORT_PASSWORD);
        email.put("casedesk.email.imap.mailbox", LocalMailServer.SUPPORT_ADDRESS);
        email.put("casedesk.email.imap.poll-interval", "2S");
        email.put("casedesk.email.imap.data-dir", settings.home().resolve("ingress-email").toString());
        email.put("casedesk.email.attachments.key-sha256", StackSettings.sha256Hex(StackSettings.ATTACHMENTS_KEY));
        services.add(new ServiceSpec("ingress-email", settings.ingressEmailPort(), withCommon(settings.ingressEmailPort(), email)));
        services.add(new ServiceSpec("classifier", settings.classifierPort(), withCommon(settings.classifierPort(), Map.of())));
        services.add(new ServiceSpec("responder", settings.responderPort(), withCommon(settings.responderPort(), Map.of(
                "quarkus.rest-client.case-service.url", settings.caseServiceUrl(),
                "casedesk.case-service.key", StackSettings.RESPONDER_KEY))));
        services.add(new ServiceSpec("handoff", settings.handoffPort(), withCommon(settings.handoffPort(), Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", settings.jdbcUrl("handoff")),
                Map.entry("quarkus.datasource.username", LocalPostgres.SUPERUSER),
                Map.entry("quarkus.datasource.password", ""),
                Map.entry("quarkus.rest-client.case-service.url", settings.caseServiceUrl()),
                Map.entry("casedesk.case-service.key", StackSettings.HANDOFF_KEY),
                // The files customers sent are fetched from the ingresses with handoff's attachment key.
                Map.entry("casedesk.handoff.attachments.fetch-key", StackSettings.ATTACHMENTS_KEY),
                Map.entry("casedesk.handoff.attachments.line-url", settings.ingressLineUrl()),
                Map.entry("casedesk.handoff.attachments.email-url", settings.ingressEmailUrl()),
                // A fixed key, so inbox sessions survive a restart of the local stack.
                Map.entry("quarkus.http.auth.session.encryption-key", "casedesk-local-stack-inbox-session-key-0001"),
                // The local stack's agents (sign in at /inbox/): agent1/agent1, agent2/agent2, supervisor/supervisor.
                Map.entry("quarkus.security.users.embedded.plain-text", "true"),
                Map.entry("quarkus.security.users.embedded.users.agent1", "agent1"),
                Map.entry("quarkus.security.users.embedded.roles.agent1", "agent"),
                Map.entry("quarkus.security.users.embedded.users.agent2", "agent2"),
                Map.entry("quarkus.security.users.embedded.roles.agent2", "agent"),
                Map.entry("quarkus.security.users.embedded.users.supervisor", "supervisor"),
                Map.entry("quarkus.security.users.embedded.roles.supervisor", "supervisor,agent")))));
        return services;
    }

    private Map<String, String> withCommon(int port, Map<String, String> specific) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", String.valueOf(port));
        properties.put("quarkus.http.host", settings.bindAddress());
        properties.put("kafka.bootstrap.servers", settings.kafkaBootstrap());
        // Services run in the prod profile, whose logs are JSON for a log collector; on a laptop, lines read better.
        properties.put("quarkus.log.console.json.enabled", "false");
        if (options.clock() != null) {
            properties.put("casedesk.clock.start", options.clock().toString());
        }
        if (settings.otlpEndpoint() != null) {
            properties.put("quarkus.otel.sdk.disabled", "false");
            properties.put("quarkus.otel.exporter.otlp.endpoint", settings.otlpEndpoint());
            properties.put("quarkus.otel.exporter.otlp.protocol", "http/protobuf");
        }
        properties.putAll(specific);
        return properties;
    }

    private List<String> serviceCommand(ServiceSpec service) {
        List<String> command = new ArrayList<>(javaCommand());
        // Extra JVM options for every service (a garbage collector, the JIT, a setting to try), after the defaults so
        // that they win.
        command.addAll(extraJavaOptions(System.getenv("CASEDESK_JAVA_OPTS")));
        // Set both the plain and the %prod key: a packaged service runs in the prod profile, where a
        // profiled key in application.properties would otherwise win over a plain system property.
        service.properties().forEach((key, value) -> {
            command.add("-D" + key + "=" + value);
            command.add("-D%prod." + key + "=" + value);
        });
        command.add("-jar");
        command.add(serviceJar(service.module()).toString());
        return command;
    }

    private List<String> simulatorCommand() {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of(
                "-Dline.simulator.port=" + settings.simulatorPort(),
                "-Dline.simulator.webhook-url=http://" + StackSettings.reachableHost(settings.bindAddress()) + ":"
                        + settings.ingressLinePort() + "/line/webhook",
                "-Dline.simulator.channel-secret=" + StackSettings.LINE_CHANNEL_SECRET,
                "-Dline.simulator.channel-token=" + StackSettings.LINE_CHANNEL_TOKEN,
                "-Dline.simulator.destination=" + StackSettings.LINE_BOT_DESTINATION,
                "-Dline.simulator.users-bundle=" + usersBundle(),
                "-cp", System.getProperty("java.class.path"),
                "io.casedesk.linesimulator.LineSimulatorMain"));
        return command;
    }

    /** The LINE simulator's users: the customers of the firm the stack imports (the demo firm's when it imports none). */
    private Path usersBundle() {
        return options.bundle() != null ? options.bundle() : Casedesk.demoBundle(settings.repository());
    }

    /** {@code CASEDESK_JAVA_OPTS}, split at white space; none when unset. */
    static List<String> extraJavaOptions(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private static List<String> javaCommand() {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Dfile.encoding=UTF-8"));
    }

    private Path serviceJar(String module) {
        if (OdooDemo.CONNECTOR.equals(module)) {
            return OdooDemo.connectorJar(settings);
        }
        return settings.repository().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private void checkServicesAreBuilt() {
        for (String module : SERVICES) {
            if (!Files.isRegularFile(serviceJar(module))) {
                throw new IllegalStateException(serviceJar(module) + " is missing: build with ./mvnw -B install -DskipTests");
            }
        }
    }

    /** Imports a bundle through case-service's API, as an operator would. */
    String importBundle(Path bundle) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.caseServiceUrl() + "/api/v1/import"))
                    .header("Authorization", "Bearer " + StackSettings.LAUNCHER_KEY)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofFile(bundle))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Import failed with HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot import " + bundle, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while importing", e);
        }
    }

    StackSettings settings() {
        return settings;
    }

    LocalKafka kafka() {
        return kafka;
    }

    /** Runs {@code action} after the watchdog started a part again (a new pid). */
    void afterEachRestart(Runnable action) {
        this.afterRestart = action;
    }

    /** Name → pid of every process of the stack, for {@code ./casedesk status}. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (kafka != null) {
            pids.put("kafka", kafka.pid());
        }
        if (postgres != null) {
            pids.put("postgres", postgres.pid());
        }
        processes.forEach(p -> pids.put(p.name(), p.pid()));
        return pids;
    }

    @Override
    public synchronized void close() {
        watchdog.stop();
        // Services first, so they commit offsets and flush while the broker is still there.
        List<ManagedProcess> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().forEach(ManagedProcess::stop);
        processes.clear();
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
