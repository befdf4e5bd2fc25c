package io.casedesk.linesimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Messaging API's configurable response delay, set at start or at run time over the control API. */
class ApiDelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LineSimulator line;

    @AfterEach
    void stop() {
        if (line != null) {
            line.close();
        }
    }

    @Test
    void theDelayIsReadFromTheSettingsAndIsNoneByDefault() {
        assertThat(SimulatorConfig.fromEnvironment(new Properties(), Map.of()).apiDelay()).isZero();
        Properties properties = new Properties();
        properties.setProperty("line.simulator.api-delay", "80");
        assertThat(SimulatorConfig.fromEnvironment(properties, Map.of()).apiDelay()).isEqualTo(Duration.ofMillis(80));
        assertThat(SimulatorConfig.fromEnvironment(new Properties(), Map.of("LINE_SIMULATOR_API_DELAY", "1s")).apiDelay())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(SimulatorConfig.parseDelay("80ms")).isEqualTo(Duration.ofMillis(80));
        assertThat(SimulatorConfig.parseDelay("PT0.25S")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> SimulatorConfig.parseDelay("-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorConfig.parseDelay("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Forty pushes sent at once are all in flight together while they wait, and none is answered before the delay:
     * the simulator holds no thread per call, so the caller's concurrency is what shows.
     */
    @Test
    void concurrentCallsWaitTogetherAndEachIsAnsweredOnlyAfterTheDelay() throws Exception {
        line = LineSimulator.start(SimulatorConfig.forTests().withApiDelay(Duration.ofMillis(300)));
        String user = "U" + LineIds.randomHex();
        int calls = 40;

        List<CompletableFuture<Long>> tookMillis = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long sent = System.nanoTime();
            tookMillis.add(http.sendAsync(push(user, "message " + i), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> {
                        assertThat(response.statusCode()).isEqualTo(200);
                        return (System.nanoTime() - sent) / 1_000_000;
                    }));
        }
        CompletableFuture.allOf(tookMillis.toArray(CompletableFuture[]::new)).join();

        assertThat(tookMillis).allSatisfy(took -> assertThat(took.join()).isGreaterThanOrEqualTo(300));
        assertThat(line.peakApiCallsInFlight()).isEqualTo(calls);
        assertThat(line.apiCallsInFlight()).isZero();
        assertThat(line.chat(user)).hasSize(calls);
    }

    @Test
    void theDelayIsChangedAtRunTimeOverTheControlApi() throws Exception {
        line = LineSimulator.start(SimulatorConfig.forTests());
        assertThat(state().path("millis").asLong()).isZero();

        HttpResponse<String> set = control("PUT", "{\"millis\": 250}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).path("millis").asLong()).isEqualTo(250);
        assertThat(line.apiDelay()).isEqualTo(Duration.ofMillis(250));
        long sent = System.nanoTime();
        assertThat(http.send(push("U" + LineIds.randomHex(), "hi"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - sent) / 1_000_000).isGreaterThanOrEqualTo(250);
        assertThat(state().path("peakCallsInFlight").asInt()).isEqualTo(1);
        assertThat(state().path("callsInFlight").asInt()).isZero();

        assertThat(control("PUT", "{\"millis\": 0}").statusCode()).isEqualTo(200);
        assertThat(line.apiDelay()).isZero();
        assertThat(state().path("peakCallsInFlight").asInt()).isZero();
    }

    @Test
    void anInvalidDelayIsRefused() throws Exception {
        line = LineSimulator.start(SimulatorConfig.forTests().withApiDelay(Duration.ofMillis(80)));

        for (String body : List.of("{\"millis\": -1}", "{\"millis\": 1.5}", "{\"millis\": \"80\"}", "{}", "80",
                "{\"millis\": 600000}")) {
            HttpResponse<String> refused = control("PUT", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.body()).contains("millis");
        }
        assertThat(line.apiDelay()).isEqualTo(Duration.ofMillis(80));
    }

    /** An unauthorised call waits as well: the delay is the API's, whatever it answers. */
    @Test
    void everyKindOfAnswerComesAfterTheDelay() throws Exception {
        line = LineSimulator.start(SimulatorConfig.forTests().withApiDelay(Duration.ofMillis(200)));

        long sent = System.nanoTime();
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(line.baseUrl().resolve("/v2/bot/message/push"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Authorization", "Bearer wrong").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat((System.nanoTime() - sent) / 1_000_000).isGreaterThanOrEqualTo(200);
    }

    private HttpRequest push(String user, String text) {
        return HttpRequest.newBuilder(line.baseUrl().resolve("/v2/bot/message/push"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + user
                        + "\",\"messages\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}", StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + SimulatorConfig.DEV_CHANNEL_TOKEN)
                .build();
    }

    private JsonNode state() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(line.baseUrl().resolve("/simulator/api-delay"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> control(String method, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(line.baseUrl().resolve("/simulator/api-delay"))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
