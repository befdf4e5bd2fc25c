package io.casedesk.launcher;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it uses. {@link #defaults(Path)} is what
 * {@code ./casedesk up} uses; tests take free ports so they never collide with a running stack.
 */
record StackSettings(
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
        String otlpEndpoint) {

    /** Dev credentials shared by the LINE simulator and ingress-line; never used outside the local stack. */
    static final String LINE_CHANNEL_SECRET = "casedesk-local-channel-secret";
    static final String LINE_CHANNEL_TOKEN = "casedesk-local-channel-token";
    static final String LINE_BOT_DESTINATION = "Ucasedesk0000000000000000000000000";
    static final String LAUNCHER_KEY = "dev-launcher-key";

    /**
     * The fixed ports of {@code ./casedesk up}. Tracing is off unless {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a
     * collector that takes OTLP over HTTP (for example a local Jaeger: {@code http://localhost:4318}).
     */
    static StackSettings defaults(Path repository) {
        String otlpEndpoint = System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
        return new StackSettings(repository, repository.resolve(".casedesk"), 19092, 15432, 8090,
                8081, 8082, 8083, 8084, 8085, 8086, 3025, 3143, true,
                otlpEndpoint == null || otlpEndpoint.isBlank() ? null : otlpEndpoint);
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
        return "http://127.0.0.1:" + caseServicePort;
    }
}
