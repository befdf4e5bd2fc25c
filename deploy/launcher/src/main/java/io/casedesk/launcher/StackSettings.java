package io.casedesk.launcher;

import io.casedesk.schema.security.KeyDigests;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses. {@link #defaults(Path)} is what
 * {@code ./casedesk up} uses; tests take free ports so they never collide with a running stack.
 */
public record StackSettings(
        Path repository,
        Path home,
        int kafkaPort,
        int postgresPort,
        int simulatorPort,
        int ingressLinePort,
        int ingressEmailPort,
        int classifierPort,
        int responderPort,
        int handoffPort,
        int caseServicePort,
        int smtpPort,
        int imapPort,
        boolean durable,
        String otlpEndpoint,
        String bindAddress) {

    /** Dev credentials shared by the LINE simulator and ingress-line; never used outside the local stack. */
    static final String LINE_CHANNEL_SECRET = "casedesk-local-channel-secret";
    static final String LINE_CHANNEL_TOKEN = "casedesk-local-channel-token";
    static final String LINE_BOT_DESTINATION = "Ucasedesk0000000000000000000000000";
    /** The local stack's keys for case-service; case-service is given only their SHA-256 ({@link #sha256Hex}). */
    static final String LAUNCHER_KEY = "dev-launcher-key";
    static final String RESPONDER_KEY = "dev-responder-key";
    static final String HANDOFF_KEY = "dev-handoff-key";
    /**
     * handoff's key to the ingresses' attachment endpoints (scope {@code attachments-read}, nothing else); the
     * ingresses are given only its SHA-256.
     */
    static final String ATTACHMENTS_KEY = "dev-attachments-key";
    /** Where the services listen unless {@code CASEDESK_BIND} names another address. */
    static final String LOOPBACK = "127.0.0.1";

    /**
     * The fixed ports of {@code ./casedesk up}. Tracing is off unless {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a
     * collector that takes OTLP over HTTP (for example a local Jaeger: {@code http://localhost:4318}).
     */
    static StackSettings defaults(Path repository) {
        return defaults(repository, System.getenv());
    }

    /**
     * As {@link #defaults(Path)}, with the environment given. The services listen on 127.0.0.1 only: with the
     * documented dev sign-ins and keys, anything else would open the inbox and the case records to the network.
     * {@code CASEDESK_BIND} (for example {@code 0.0.0.0}) says otherwise, deliberately.
     */
    static StackSettings defaults(Path repository, Map<String, String> environment) {
        String otlpEndpoint = environment.get("OTEL_EXPORTER_OTLP_ENDPOINT");
        String bind = environment.get("CASEDESK_BIND");
        return new StackSettings(repository, repository.resolve(".casedesk"), 19092, 15432, 8090,
                8081, 8082, 8083, 8084, 8085, 8086, 3025, 3143, true,
                otlpEndpoint == null || otlpEndpoint.isBlank() ? null : otlpEndpoint,
                bind == null || bind.isBlank() ? LOOPBACK : bind.trim());
    }

    /** True when the services are reachable from other machines. */
    boolean bindsBeyondLoopback() {
        return !LOOPBACK.equals(bindAddress) && !"localhost".equals(bindAddress) && !"::1".equals(bindAddress);
    }

    /** The address to call a service on that listens on {@code bindAddress}. */
    static String reachableHost(String bindAddress) {
        return switch (bindAddress) {
            case "0.0.0.0", "::", "[::]" -> LOOPBACK;
            default -> bindAddress.contains(":") && !bindAddress.startsWith("[") ? "[" + bindAddress + "]" : bindAddress;
        };
    }

    /** The hex SHA-256 of a key: what case-service is configured with instead of the key. */
    static String sha256Hex(String key) {
        return KeyDigests.sha256Hex(key);
    }

    Path logs() {
        return home.resolve("logs");
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    String simulatorUrl() {
        return "http://127.0.0.1:" + simulatorPort;
    }

    String caseServiceUrl() {
        return serviceUrl(caseServicePort);
    }

    /** Where handoff fetches the files customers sent on LINE. */
    String ingressLineUrl() {
        return serviceUrl(ingressLinePort);
    }

    String ingressEmailUrl() {
        return serviceUrl(ingressEmailPort);
    }

    private String serviceUrl(int port) {
        return "http://" + reachableHost(bindAddress) + ":" + port;
    }
}
