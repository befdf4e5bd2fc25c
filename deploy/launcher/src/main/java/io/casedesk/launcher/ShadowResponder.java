package io.casedesk.launcher;

import io.casedesk.infra.FreePorts;
import io.casedesk.schema.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A second responder, from the same packaged jar as the real one, that reads {@code cs.triaged.v1.shadow} and writes
 * only to {@code .shadow} topics, so its answers can be compared with the recorded ones without reaching a customer or
 * an agent. It reads the real conversation-state topic (who owns a conversation) and the stack's case-service.
 */
final class ShadowResponder implements AutoCloseable {

    /** Its consumer group: a later evaluation goes on after the records an earlier one already answered. */
    static final String GROUP = "responder-shadow";

    /** The responder's channels and the real topics they are configured with. */
    static final Map<String, String> OUTGOING = Map.of(
            "outbound-line", Topics.OUTBOUND_LINE,
            "outbound-email", Topics.OUTBOUND_EMAIL,
            "handoff", Topics.HANDOFF,
            "conversation", Topics.CONVERSATION);

    private final ManagedProcess process;

    private ShadowResponder(ManagedProcess process) {
        this.process = process;
    }

    static Path jar(StackSettings settings) {
        return settings.repository().resolve("responder/target/quarkus-app/quarkus-run.jar");
    }

    /**
     * Its configuration: the shadow topics, its own group and port, the stack's case-service, and then the user's
     * overrides (an engine, a model, a policy), which win.
     */
    static Map<String, String> properties(StackSettings settings, String bootstrapServers, int port,
                                          Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", String.valueOf(port));
        properties.put("quarkus.http.host", StackSettings.LOOPBACK);
        properties.put("kafka.bootstrap.servers", bootstrapServers);
        properties.put("quarkus.rest-client.case-service.url", settings.caseServiceUrl());
        properties.put("casedesk.case-service.key", StackSettings.RESPONDER_KEY);
        String triaged = ReplayOptions.shadowTopic(Topics.TRIAGED);
        properties.put("mp.messaging.incoming.triaged.topic", triaged);
        properties.put("mp.messaging.incoming.triaged.group.id", GROUP);
        properties.put("mp.messaging.incoming.triaged.dead-letter-queue.topic", Topics.dlq(triaged));
        OUTGOING.forEach((channel, topic) ->
                properties.put("mp.messaging.outgoing." + channel + ".topic", ReplayOptions.shadowTopic(topic)));
        properties.putAll(overrides);
        return properties;
    }

    static ShadowResponder start(StackSettings settings, String bootstrapServers, Map<String, String> overrides) {
        Path jar = jar(settings);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the responder with ./mvnw -B install -DskipTests -pl responder");
        }
        int port = FreePorts.pick();
        Map<String, String> properties = properties(settings, bootstrapServers, port, overrides);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8"));
        // Both the plain and the %prod key: the packaged jar runs in the prod profile, whose keys win over plain ones.
        properties.forEach((key, value) -> {
            command.add("-D" + key + "=" + value);
            command.add("-D%prod." + key + "=" + value);
        });
        command.addAll(List.of("-jar", jar.toString()));
        ManagedProcess process = ManagedProcess.start("shadow responder", command,
                "http://127.0.0.1:" + properties.getOrDefault("quarkus.http.port", String.valueOf(port)) + "/q/health/ready",
                settings.logs().resolve("responder-shadow.log"));
        return new ShadowResponder(process);
    }

    void awaitHealthy(Duration timeout) {
        process.awaitHealthy(timeout);
    }

    boolean isAlive() {
        return ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    Path log() {
        return process.log();
    }

    @Override
    public void close() {
        process.stop();
    }
}
