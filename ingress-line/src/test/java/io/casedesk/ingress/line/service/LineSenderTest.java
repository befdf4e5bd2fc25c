package io.casedesk.ingress.line.service;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import io.casedesk.ingress.line.service.LineSender.Outcome;
import io.casedesk.linesimulator.ApiCall;
import io.casedesk.linesimulator.BotMessage;
import io.casedesk.linesimulator.LineSimulator;
import io.casedesk.linesimulator.ScriptedFailure;
import io.casedesk.linesimulator.SimulatorConfig;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.TraceContext;
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
import static org.assertj.core.api.Assertions.tuple;

/** The sending rules against the LINE simulator, through the official SDK client. */
class LineSenderTest {

    private static LineSimulator line;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Short waits; {@code Retry-After} of more than a second is cut to a second. */
    private static final LineSender.RetryPolicy FAST_RETRIES =
            new LineSender.RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1));
    private final LineApiTraces traces = new LineApiTraces();
    private final LineSender sender = new LineSender(client(line.baseUrl(), traces), Duration.ofSeconds(50),
            new LineMetrics(registry), FAST_RETRIES, traces, "客服專員 Agent");

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
    void anAgentsMessageShowsTheAgentAsSenderAndTheBotsDoesNot() {
        String user = newUser();
        OutboundLineMessage agent = new OutboundLineMessage(SimulatorConfig.DEV_DESTINATION, user, null, null, null, null,
                List.of("我是承辦律師的助理"), AnswerKind.AGENT);

        send(UUID.randomUUID().toString(), agent);
        send(UUID.randomUUID().toString(), message(user, null, null, "自動回覆"));

        assertThat(line.chat(user)).extracting(BotMessage::senderName).containsExactly("客服專員 Agent", null);
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

    /** Each call to LINE is a span of its own: a child of the context it was sent with (same trace, new span id). */
    @Test
    void everyCallCarriesAChildOfTheTraceparentItWasSentWithAndOnlyThatTrace() {
        String traced = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String replied = newUser();
        String pushed = newUser();
        String untraced = newUser();

        sender.send(UUID.randomUUID().toString(), traced,
                message(replied, line.issueReplyToken(replied), Instant.now(), "reply")).await().atMost(Duration.ofSeconds(20));
        sender.send(UUID.randomUUID().toString(), traced, message(pushed, null, null, "push"))
                .await().atMost(Duration.ofSeconds(20));
        send(UUID.randomUUID().toString(), message(untraced, null, null, "untraced"));

        assertThat(line.chat(replied)).singleElement().extracting(BotMessage::traceparent)
                .satisfies(header -> assertChildOf(header, traced));
        assertThat(line.chat(pushed)).singleElement().extracting(BotMessage::traceparent)
                .satisfies(header -> assertChildOf(header, traced));
        assertThat(line.chat(untraced)).singleElement().extracting(BotMessage::traceparent).isNull();
    }

    @Test
    void aRetriedPushKeepsItsTrace() {
        String traced = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String user = newUser();
        line.failNext(user, 1, new ScriptedFailure(500, null));

        Outcome outcome = sender.send(UUID.randomUUID().toString(), traced, message(user, null, null, "again"))
                .await().atMost(Duration.ofSeconds(20));

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(line.chat(user)).singleElement().extracting(BotMessage::traceparent)
                .satisfies(header -> assertChildOf(header, traced));
    }

    private static void assertChildOf(String header, String parent) {
        TraceContext sent = TraceContext.parse(header).orElseThrow(() -> new AssertionError("no valid traceparent"));
        TraceContext given = TraceContext.parse(parent).orElseThrow();
        assertThat(sent.traceId()).isEqualTo(given.traceId());
        assertThat(sent.spanId()).isNotEqualTo(given.spanId());
    }

    @Test
    void aMessageWithoutTextIsSkipped() {
        assertThat(send(UUID.randomUUID().toString(), message(newUser(), null, null)).status()).isEqualTo(DeliveryStatus.SKIPPED);
    }

    @Test
    void anUnreachableLineIsAFailedPush() {
        LineSender offline = new LineSender(client(URI.create("http://127.0.0.1:9"), traces), Duration.ofSeconds(50),
                new LineMetrics(registry), FAST_RETRIES, traces, "客服專員 Agent");

        Outcome outcome = offline.send(UUID.randomUUID().toString(), message(newUser(), null, null, "hi"))
                .await().atMost(Duration.ofSeconds(20));

        assertThat(outcome).isEqualTo(new Outcome(DeliveryStatus.FAILED, "push", "io_error"));
    }

    @Test
    void aRateLimitedPushWaitsForRetryAfterAndIsSentOnceWithTheSameRetryKey() {
        String user = newUser();
        String eventId = UUID.randomUUID().toString();
        line.failNext(user, 1, new ScriptedFailure(429, 1));

        long started = System.nanoTime();
        Outcome outcome = send(eventId, message(user, null, null, "hi"));

        assertThat(outcome).isEqualTo(new Outcome(DeliveryStatus.SENT, "push", null));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(line.calls(user)).containsExactly(
                new ApiCall(user, BotMessage.PUSH, 429, null, eventId, 1),
                new ApiCall(user, BotMessage.PUSH, 200, null, eventId, 1));
    }

    @Test
    void aRateLimitedReplyIsRetriedWithItsTokenAndALongRetryAfterIsCut() {
        String user = newUser();
        String token = line.issueReplyToken(user);
        line.failNext(user, 1, new ScriptedFailure(429, 3600));

        Outcome outcome = send(UUID.randomUUID().toString(), message(user, token, Instant.now(), "hi"));

        assertThat(outcome).isEqualTo(new Outcome(DeliveryStatus.SENT, "reply", null));
        assertThat(line.calls(user)).extracting(ApiCall::method, ApiCall::status, ApiCall::replyToken).containsExactly(
                tuple(BotMessage.REPLY, 429, token), tuple(BotMessage.REPLY, 200, token));
    }

    @Test
    void aRateLimitThatDoesNotEndIsAFailureAfterTheBoundedRetries() {
        String user = newUser();
        line.failNext(user, 10, new ScriptedFailure(429, null));

        Outcome outcome = send(UUID.randomUUID().toString(), message(user, null, null, "hi"));

        assertThat(outcome).isEqualTo(new Outcome(DeliveryStatus.FAILED, "push", "http_429"));
        assertThat(line.calls(user)).extracting(ApiCall::status).containsExactly(429, 429, 429);
        assertThat(line.chat(user)).isEmpty();
    }

    @Test
    void aRefusedPushIsPermanentAndNotRetried() {
        String user = newUser();
        line.failNext(user, 1, new ScriptedFailure(400, null));

        Outcome outcome = send(UUID.randomUUID().toString(), message(user, null, null, "hi"));

        assertThat(outcome).isEqualTo(new Outcome(DeliveryStatus.FAILED, "push", "http_400"));
        assertThat(line.calls(user)).extracting(ApiCall::status).containsExactly(400);
    }

    @Test
    void aLongTextIsSplitAtSentencesIntoOneRequest() {
        String user = newUser();
        String sentence = "您的案件目前等待法院開庭，".repeat(30) + "。";
        String text = sentence.repeat(13);
        assertThat(text.length()).isGreaterThan(TextSplitter.MAX_UNITS);

        Outcome outcome = send(UUID.randomUUID().toString(), message(user, line.issueReplyToken(user), Instant.now(), text));

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(line.chat(user)).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo(BotMessage.REPLY);
            assertThat(sent.texts()).hasSize(2).allSatisfy(part -> assertThat(part).endsWith("。").hasSizeLessThanOrEqualTo(5000));
            assertThat(String.join("", sent.texts())).isEqualTo(text);
        });
    }

    private Outcome send(String eventId, OutboundLineMessage message) {
        return sender.send(eventId, message).await().atMost(Duration.ofSeconds(20));
    }

    private static OutboundLineMessage message(String to, String replyToken, Instant issuedAt, String... texts) {
        return new OutboundLineMessage(SimulatorConfig.DEV_DESTINATION, to, replyToken, issuedAt, null, null,
                List.of(texts), AnswerKind.AUTO);
    }

    private static MessagingApiClient client(URI baseUrl, LineApiTraces traces) {
        return MessagingApiClient.builder(SimulatorConfig.DEV_CHANNEL_TOKEN).apiEndPoint(baseUrl)
                .usingDefaultLogger(false).addInterceptor(traces).build();
    }

    private static String newUser() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }
}
