package io.casedesk.ingress.line.service;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import io.casedesk.ingress.line.service.LineSender.Outcome;
import io.casedesk.linesimulator.BotMessage;
import io.casedesk.linesimulator.LineSimulator;
import io.casedesk.linesimulator.SimulatorConfig;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.OutboundLineMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sending rules against the LINE simulator, through the official SDK client. */
class LineSenderTest {

    private static LineSimulator line;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LineSender sender = new LineSender(client(line.baseUrl()), Duration.ofSeconds(50), new LineMetrics(registry));

    @BeforeAll
    static void startLine() {
        line = LineSimulator.start(SimulatorConfig.forTests());
    }

    @AfterAll
    static void stopLine() {
        line.close();
    }

    @Test
    void aFreshReplyTokenIsUsedForTheFreeReply() {
        String user = newUser();
        String token = line.issueReplyToken(user);

        Outcome outcome = send(UUID.randomUUID().toString(), message(user, token, Instant.now().minusSeconds(10), "您好", "第二則"));

        assertThat(outcome).isEqualTo(new Outcome(DeliveryStatus.SENT, "reply", null));
        assertThat(line.chat(user)).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo(BotMessage.REPLY);
            assertThat(sent.replyToken()).isEqualTo(token);
            assertThat(sent.texts()).containsExactly("您好", "第二則");
        });
        assertThat(registry.counter("casedesk.line.sends", "method", "reply", "outcome", "sent").count()).isEqualTo(1);
    }

    @Test
    void anOldReplyTokenIsNotTriedAndTheMessageIsPushedWithTheEventIdAsRetryKey() {
        String user = newUser();
        String eventId = UUID.randomUUID().toString();

        Outcome outcome = send(eventId, message(user, line.issueReplyToken(user), Instant.now().minusSeconds(51), "hi"));

        assertThat(outcome).isEqualTo(new Outcome(DeliveryStatus.SENT, "push", null));
        assertThat(line.chat(user)).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo(BotMessage.PUSH);
            assertThat(sent.retryKey()).isEqualTo(eventId);
        });
    }

    @Test
    void aRefusedReplyTokenFallsBackToAPush() {
        String user = newUser();

        Outcome outcome = send(UUID.randomUUID().toString(), message(user, "never-issued", Instant.now(), "hi"));

        assertThat(outcome).isEqualTo(new Outcome(DeliveryStatus.SENT, "push", "reply_failed_http_400"));
        assertThat(line.chat(user)).extracting(BotMessage::method).containsExactly(BotMessage.PUSH);
    }

    @Test
    void aRepeatedPushIsSentOnceAndBothTimesReportedSent() {
        String user = newUser();
        String eventId = UUID.randomUUID().toString();

        Outcome first = send(eventId, message(user, null, null, "hi"));
        Outcome second = send(eventId, message(user, null, null, "hi"));

        assertThat(first.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(second).isEqualTo(new Outcome(DeliveryStatus.SENT, "push", "retry_key_already_accepted"));
        assertThat(line.chat(user)).hasSize(1);
    }

    @Test
    void aMessageWithoutTextIsSkipped() {
        assertThat(send(UUID.randomUUID().toString(), message(newUser(), null, null)).status()).isEqualTo(DeliveryStatus.SKIPPED);
    }

    @Test
    void anUnreachableLineIsAFailedPush() {
        LineSender offline = new LineSender(client(URI.create("http://127.0.0.1:9")), Duration.ofSeconds(50),
                new LineMetrics(registry));

        Outcome outcome = offline.send(UUID.randomUUID().toString(), message(newUser(), null, null, "hi"))
                .await().atMost(Duration.ofSeconds(20));

        assertThat(outcome).isEqualTo(new Outcome(DeliveryStatus.FAILED, "push", "io_error"));
    }

    private Outcome send(String eventId, OutboundLineMessage message) {
        return sender.send(eventId, message).await().atMost(Duration.ofSeconds(20));
    }

    private static OutboundLineMessage message(String to, String replyToken, Instant issuedAt, String... texts) {
        return new OutboundLineMessage(SimulatorConfig.DEV_DESTINATION, to, replyToken, issuedAt, null, null,
                List.of(texts), AnswerKind.AUTO);
    }

    private static MessagingApiClient client(URI baseUrl) {
        return MessagingApiClient.builder(SimulatorConfig.DEV_CHANNEL_TOKEN).apiEndPoint(baseUrl)
                .usingDefaultLogger(false).build();
    }

    private static String newUser() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }
}
