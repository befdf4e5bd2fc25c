package io.casedesk.handoff.connector;

import io.casedesk.handoff.support.HelpdeskStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The helpdesk webhook calls against a real HTTP server standing in for the helpdesk. */
class WebhookClientTest {

    private final HelpdeskStandIn helpdesk = new HelpdeskStandIn();

    @AfterEach
    void stop() {
        helpdesk.close();
    }

    @Test
    void postsJsonWithBasicAuth() {
        WebhookClient client = new WebhookClient(helpdesk.baseUrl(), "casedesk", "s3cret", 3, Duration.ofMillis(10),
                Duration.ofSeconds(2));

        WebhookClient.Result result = client.post("/conversation/establish", "{\"ticketId\":\"t1\",\"text\":\"您好\"}");

        assertThat(result.delivered()).isTrue();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(helpdesk.received("/conversation/establish")).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("casedesk:s3cret".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.body()).isEqualTo("{\"ticketId\":\"t1\",\"text\":\"您好\"}");
        });
    }

    @Test
    void withoutAUserNameSendsNoAuthorization() {
        WebhookClient client = new WebhookClient(helpdesk.baseUrl() + "/", null, null, 1, Duration.ofMillis(10),
                Duration.ofSeconds(2));

        assertThat(client.post("/chat", "{}").delivered()).isTrue();
        assertThat(helpdesk.received("/chat")).singleElement().satisfies(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void retriesServerErrorsAndRateLimitsUntilTheHelpdeskTakesIt() {
        helpdesk.answerNext(503, 429, 500);
        WebhookClient client = new WebhookClient(helpdesk.baseUrl(), "u", "p", 4, Duration.ofMillis(10), Duration.ofSeconds(2));

        WebhookClient.Result result = client.post("/chat", "{\"n\":1}");

        assertThat(result.delivered()).isTrue();
        assertThat(result.attempts()).isEqualTo(4);
        assertThat(helpdesk.received("/chat")).hasSize(4).allSatisfy(r -> assertThat(r.body()).isEqualTo("{\"n\":1}"));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        helpdesk.answerNext(503, 503, 503, 503);
        WebhookClient client = new WebhookClient(helpdesk.baseUrl(), "u", "p", 3, Duration.ofMillis(10), Duration.ofSeconds(2));

        WebhookClient.Result result = client.post("/conversation/close", "{}");

        assertThat(result.delivered()).isFalse();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.lastStatus()).isEqualTo(503);
        assertThat(helpdesk.received("/conversation/close")).hasSize(3);
    }

    @Test
    void aRefusedRequestIsNotRetried() {
        helpdesk.answerNext(401);
        WebhookClient client = new WebhookClient(helpdesk.baseUrl(), "u", "wrong", 5, Duration.ofMillis(10), Duration.ofSeconds(2));

        WebhookClient.Result result = client.post("/chat", "{}");

        assertThat(result.delivered()).isFalse();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.lastStatus()).isEqualTo(401);
    }

    @Test
    void retriesWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        WebhookClient client = new WebhookClient("http://127.0.0.1:" + port, null, null, 3, Duration.ofMillis(10),
                Duration.ofSeconds(1));

        WebhookClient.Result result = client.post("/chat", "{}");

        assertThat(result.delivered()).isFalse();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.lastStatus()).isZero();
    }
}
