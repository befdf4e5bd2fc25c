package io.casedesk.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the local stack tells its services: where to listen, and which credentials case-service knows. */
class LocalStackBindTest {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void everyServiceListensOnLoopbackUnlessCasedeskBindSaysOtherwise() {
        List<ServiceSpec> loopback = new LocalStack(StackSettings.defaults(REPOSITORY, Map.of()), line -> { }).services();
        StackSettings opened = StackSettings.defaults(REPOSITORY, Map.of("CASEDESK_BIND", "0.0.0.0"));
        List<ServiceSpec> everywhere = new LocalStack(opened, line -> { }).services();

        assertThat(loopback).extracting(ServiceSpec::module).containsExactlyInAnyOrderElementsOf(LocalStack.SERVICES);
        assertThat(loopback).allSatisfy(service ->
                assertThat(service.properties()).containsEntry("quarkus.http.host", "127.0.0.1"));
        assertThat(StackSettings.defaults(REPOSITORY, Map.of()).bindsBeyondLoopback()).isFalse();
        assertThat(everywhere).allSatisfy(service -> {
            assertThat(service.properties()).containsEntry("quarkus.http.host", "0.0.0.0");
            // The launcher itself still calls them on loopback.
            assertThat(service.baseUrl()).startsWith("http://127.0.0.1:");
        });
        assertThat(opened.bindsBeyondLoopback()).isTrue();
        assertThat(StackSettings.defaults(REPOSITORY, Map.of("CASEDESK_BIND", " ")).bindAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void caseServiceIsGivenOnlyTheDigestsOfTheCallersKeys() {
        Map<String, ServiceSpec> services = new java.util.HashMap<>();
        new LocalStack(StackSettings.defaults(REPOSITORY, Map.of()), line -> { }).services()
                .forEach(service -> services.put(service.module(), service));
        Map<String, String> caseService = services.get("case-service").properties();

        assertThat(caseService)
                .containsEntry("casedesk.auth.services.responder.key-sha256",
                        "c649492efb36949667502b3b7949e101fb1cba4a7406ade1a5b5fcc7ae30a20c")
                .containsEntry("casedesk.auth.services.handoff.key-sha256",
                        StackSettings.sha256Hex(StackSettings.HANDOFF_KEY))
                .containsEntry("casedesk.auth.services.launcher.key-sha256",
                        StackSettings.sha256Hex(StackSettings.LAUNCHER_KEY));
        assertThat(caseService.values()).doesNotContain(StackSettings.RESPONDER_KEY, StackSettings.HANDOFF_KEY,
                StackSettings.LAUNCHER_KEY);
        assertThat(services.get("responder").properties()).containsEntry("casedesk.case-service.key", "dev-responder-key");
        assertThat(services.get("handoff").properties()).containsEntry("casedesk.case-service.key", "dev-handoff-key");
    }

    @Test
    void handoffHoldsTheAttachmentKeyAndTheIngressesOnlyItsDigest() {
        Map<String, ServiceSpec> services = new java.util.HashMap<>();
        new LocalStack(StackSettings.defaults(REPOSITORY, Map.of()), line -> { }).services()
                .forEach(service -> services.put(service.module(), service));
        String digest = "1c03d6657c692e26d87f45cf391409bcaa5411461a16ff6ad71ca8acc1c1fcd2";

        assertThat(services.get("handoff").properties())
                .containsEntry("casedesk.handoff.attachments.fetch-key", "dev-attachments-key")
                .containsEntry("casedesk.handoff.attachments.line-url", "http://127.0.0.1:8081")
                .containsEntry("casedesk.handoff.attachments.email-url", "http://127.0.0.1:8082");
        assertThat(services.get("ingress-line").properties())
                .containsEntry("casedesk.line.attachments.key-sha256", digest)
                .containsEntry("casedesk.line.data-api-base-url", "http://127.0.0.1:8090");
        assertThat(services.get("ingress-email").properties())
                .containsEntry("casedesk.email.attachments.key-sha256", digest);
        services.forEach((module, service) -> {
            if (!module.equals("handoff")) {
                assertThat(service.properties().values()).as(module).doesNotContain("dev-attachments-key");
            }
        });
    }

    @Test
    void casedeskJavaOptsAddsJvmOptionsToEveryService() {
        assertThat(LocalStack.extraJavaOptions(" -XX:+UseZGC   -Dkafka.linger.ms=5 ")).containsExactly("-XX:+UseZGC",
                "-Dkafka.linger.ms=5");
        assertThat(LocalStack.extraJavaOptions(null)).isEmpty();
        assertThat(LocalStack.extraJavaOptions(" ")).isEmpty();
    }
}
