package io.casedesk.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.infra.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./casedesk up --odoo} on free ports: the stand-in holds the demo firm as Odoo records, the connector syncs
 * all of it into case-service, and a demo customer's LINE conversation appears in his case's chatter in Odoo.
 */
class OdooDemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        Path repository = Path.of(System.getProperty("casedesk.repository", "../..")).toAbsolutePath().normalize();
        Path home = repository.resolve("deploy/launcher/target/odoo-demo-it-" + ProcessHandle.current().pid());
        StackSettings settings = new StackSettings(repository, home, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), false, null, StackSettings.LOOPBACK);
        stack = LocalStack.start(settings, Casedesk.demoBundle(repository), line -> System.out.println("[stack] " + line),
                true);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theDemoFirmIsSyncedFromOdooAndTheConversationLandsInTheCasesChatter() throws Exception {
        String connector = "http://127.0.0.1:" + stack.odooConnectorPort();
        String odoo = "http://127.0.0.1:" + stack.odooStandInPort();
        JsonNode status = awaitJson(connector + "/api/v1/sync/status", s -> "succeeded".equals(
                s.path("lastRun").path("outcome").asText()) && s.path("synced").path("project.task").asInt() == 18);
        assertThat(status.path("synced").path("res.partner").asInt()).isEqualTo(12);
        assertThat(status.path("synced").path("knowledge.article").asInt()).isEqualTo(24);
        assertThat(status.path("lastRun").path("failed").asInt()).isZero();

        HttpResponse<String> said = HTTP.send(HttpRequest.newBuilder(URI.create(stack.settings().simulatorUrl()
                        + "/simulator/say")).header("Content-Type", "application/json; charset=utf-8")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerRef\":\"C-1001\",\"text\":\"我想了解目前離婚訴訟案件的進展\","
                        + "\"waitSeconds\":30}", StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(said.statusCode()).isEqualTo(200);

        JsonNode chatter = awaitJson(odoo + "/standin/chatter?model=project.task", messages -> {
            long turns = 0;
            for (JsonNode message : messages) {
                turns += message.path("message_id").asText().startsWith("<casedesk-turn-") ? 1 : 0;
            }
            return turns >= 1;
        });
        String bodies = chatter.toString();
        // The answer carries the customer (ingress publishes the inbound turn before the writer is identified).
        assertThat(bodies).contains("CaseDesk answer").contains("2026-FAM-0142");
    }

    private static JsonNode awaitJson(String url, java.util.function.Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + StackSettings.LAUNCHER_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                last = JSON.readTree(response.body());
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not reached within 2 minutes: " + url + " last answered " + last);
    }
}
