package io.casedesk.ingress.line.config;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;
import io.casedesk.ingress.line.service.LineApiTraces;
import io.casedesk.linesimulator.LineSimulator;
import io.casedesk.linesimulator.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK client's outbound concurrency against the LINE simulator with a response delay: the simulator counts the
 * calls it holds at once, which is how many the client had in flight.
 */
class MessagingApiClientProducerTest {

    private static final int CALLS = 24;
    private static LineSimulator line;

    @BeforeAll
    static void startLine() {
        line = LineSimulator.start(SimulatorConfig.forTests().withApiDelay(Duration.ofMillis(500)));
    }

    @AfterAll
    static void stopLine() {
        line.close();
    }

    @Test
    void theConfiguredLimitLetsMoreThanFiveCallsBeInFlightAtOnce() {
        MessagingApiClient client = MessagingApiClientProducer.client(line.baseUrl(), SimulatorConfig.DEV_CHANNEL_TOKEN,
                64, new LineApiTraces());

        int peak = pushAtOnce(client, CALLS);

        // All 24 as a rule; a little less when the first are answered before the last are sent on a busy machine.
        assertThat(peak).isGreaterThan(5).isLessThanOrEqualTo(CALLS);
    }

    @Test
    void theLimitIsKeptWhenMoreCallsAreMade() {
        MessagingApiClient client = MessagingApiClientProducer.client(line.baseUrl(), SimulatorConfig.DEV_CHANNEL_TOKEN,
                8, new LineApiTraces());

        int peak = pushAtOnce(client, CALLS);

        assertThat(peak).isEqualTo(8);
    }

    /** What the limit is for: the SDK's own client queues all but 5 calls to one host. */
    @Test
    void withoutTheSettingTheSdkClientHasAtMostFiveInFlight() {
        MessagingApiClient sdkDefault = MessagingApiClient.builder(SimulatorConfig.DEV_CHANNEL_TOKEN)
                .apiEndPoint(line.baseUrl()).usingDefaultLogger(false).build();

        int peak = pushAtOnce(sdkDefault, CALLS);

        assertThat(peak).isEqualTo(5);
    }

    @Test
    void theConnectionsOfOneBurstAreKeptAliveForTheNext() {
        MessagingApiClient client = MessagingApiClientProducer.client(line.baseUrl(), SimulatorConfig.DEV_CHANNEL_TOKEN,
                64, new LineApiTraces());

        pushAtOnce(client, CALLS);
        push(client, CALLS);

        // No more connections than calls in flight at once: the second burst found the first one's open.
        assertThat(line.apiConnectionsUsed()).isLessThanOrEqualTo(CALLS);
    }

    /** Why the pool is set: the SDK's own keeps 5 idle connections, so a burst's others are closed and opened again. */
    @Test
    void theSdkClientClosesAllButFiveConnectionsBetweenBursts() {
        MessagingApiClient sdkPool = MessagingApiClient.builder(SimulatorConfig.DEV_CHANNEL_TOKEN)
                .apiEndPoint(line.baseUrl()).usingDefaultLogger(false).maxRequests(64).maxRequestsPerHost(64).build();

        int peak = pushAtOnce(sdkPool, CALLS);
        push(sdkPool, CALLS);

        // The second burst, as large as the first, found only five of its connections open.
        assertThat(peak).isGreaterThan(5);
        assertThat(line.apiConnectionsUsed()).isGreaterThan(peak);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> MessagingApiClientProducer.client(line.baseUrl(), SimulatorConfig.DEV_CHANNEL_TOKEN, 0,
                new LineApiTraces())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("casedesk.line.max-concurrent-calls");
    }

    /** Sends {@code calls} pushes at once, waits for every answer; the most calls the simulator held at one time. */
    private static int pushAtOnce(MessagingApiClient client, int calls) {
        line.apiDelay(line.apiDelay()); // counts the peak and the connections from here
        push(client, calls);
        return line.peakApiCallsInFlight();
    }

    private static void push(MessagingApiClient client, int calls) {
        String user = "U" + UUID.randomUUID().toString().replace("-", "");
        List<CompletableFuture<?>> sent = IntStream.range(0, calls)
                .<CompletableFuture<?>>mapToObj(i -> client.pushMessage(UUID.randomUUID(), new PushMessageRequest(user,
                        List.of(new TextMessage("message " + i)), false, null)))
                .toList();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        assertThat(line.chat(user)).hasSize(calls);
    }
}
