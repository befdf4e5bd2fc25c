package io.casedesk.infra;

import io.casedesk.schema.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), started
 * from the Kafka artifacts on Maven Central in a JVM of its own. Its data directory survives a restart,
 * so the local stack keeps its topics and offsets; tests use a throw-away directory.
 */
public final class LocalKafka implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";

    private final Process process;
    private final int port;
    private final Path directory;

    private LocalKafka(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** A handle on a broker another part of this JVM started and owns; closing it does nothing. */
    public static LocalKafka attach(int port) {
        return new LocalKafka(null, port, null);
    }

    /**
     * Starts a broker, creates every CaseDesk topic (with its dead-letter topic) and returns once the
     * broker answers.
     *
     * @param directory where the broker keeps its log segments, configuration and log file
     * @param port      the client port on 127.0.0.1, or 0 for any free port
     */
    public static LocalKafka start(Path directory, int port, Duration timeout) {
        try {
            Files.createDirectories(directory);
            int clientPort = port == 0 ? FreePorts.pick() : port;
            if (FreePorts.isListening(clientPort)) {
                throw new IllegalStateException("Port " + clientPort + " is already in use; is another broker running?");
            }
            int controllerPort = FreePorts.pick();
            Path config = writeServerProperties(directory, clientPort, controllerPort);
            Path log = directory.resolve("broker.log");
            String classpath = brokerClasspath();
            if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
                ChildProcess.run(List.of(ChildProcess.javaExecutable(), "-cp", classpath, "kafka.tools.StorageTool",
                        "format", "--cluster-id", newClusterId(), "--config", config.toString(), "--ignore-formatted"),
                        log, Duration.ofMinutes(2));
            }
            // The full JIT, unlike the services' C1 only: every record passes the broker's few hot paths, and C2 cut
            // its CPU per message by about a third in ./casedesk bench.
            Process process = new ProcessBuilder(ChildProcess.javaExecutable(),
                    "-Xms256m", "-Xmx768m", "-XX:+UseSerialGC",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                    "-Dorg.slf4j.simpleLogger.showDateTime=true",
                    "-cp", classpath, "kafka.Kafka", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            LocalKafka kafka = new LocalKafka(process, clientPort, directory);
            try {
                kafka.awaitReady(timeout);
                kafka.createTopics(Topics.allWithDeadLetters());
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local Kafka broker in " + directory, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path directory() {
        return directory;
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(List<Topics.TopicSpec> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)
                            .configs(t.compacted() ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                                    : Map.of()))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topics: " + e.getCause().getMessage(), e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics on " + bootstrapServers(), e);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            ChildProcess.stop(process, Duration.ofSeconds(30));
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with code " + process.exitValue()
                        + "; see " + directory.resolve("broker.log"));
            }
            if (FreePorts.isListening(port)) {
                try (Admin admin = admin()) {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    last = new IllegalStateException(e);
                }
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("The Kafka broker did not become ready within " + timeout + "; see "
                + directory.resolve("broker.log"), last);
    }

    private Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(properties);
    }

    private static Path writeServerProperties(Path directory, int clientPort, int controllerPort) throws IOException {
        String properties = String.join("\n",
                "# Written by CaseDesk's local-infra: one node that is broker and controller.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + clientPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data").toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        Path file = directory.resolve("server.properties");
        Files.writeString(file, properties, StandardCharsets.UTF_8);
        return file;
    }

    /** The classpath of the broker JVM, resolved by Maven when local-infra was built. */
    private static String brokerClasspath() throws IOException {
        try (InputStream in = LocalKafka.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build deploy/local-infra with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (what kafka-storage random-uuid
     * prints). Like Kafka's own generator it never starts with '-', which a command line would read as an option.
     */
    static String newClusterId() {
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        } while (id.startsWith("-"));
        return id;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }
}
