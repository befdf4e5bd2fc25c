package io.casedesk.classifier.service.openai;

import com.sun.net.httpserver.HttpServer;
import io.casedesk.classifier.service.rules.LocalRulesTriageEngine;
import io.casedesk.schema.Channel;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Triage;
import io.casedesk.schema.Urgency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The openai engine against a local server that speaks the chat-completions protocol. */
class OpenAiTriageEngineTest {

    private static final String VALID_ANSWER =
            "{\\\"intent\\\":\\\"billing\\\",\\\"emotion\\\":\\\"anxious\\\",\\\"urgency\\\":\\\"high\\\",\\\"needs_human\\\":true}";

    private final List<String> requestBodies = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlowAnswer = new CountDownLatch(1);
    private final LocalRulesTriageEngine rules = new LocalRulesTriageEngine("zh-Hant");
    private HttpServer server;
    private volatile boolean answerSlowly;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requestBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (answerSlowly) {
                try {
                    releaseSlowAnswer.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1767600000,"
                    + "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                    + VALID_ANSWER + "\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":10,\"total_tokens\":20}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException clientGone) {
                // The engine stopped waiting: that is the timeout under test.
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopServer() {
        releaseSlowAnswer.countDown();
        server.stop(0);
    }

    private OpenAiTriageEngine engine(Duration timeout) {
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return new OpenAiTriageEngine(OpenAiTriageEngine.chatModel(baseUrl, "test-key", "gpt-test", timeout),
                "gpt-test", rules, rules);
    }

    private static InboundMessage text(String text) {
        return new InboundMessage(Channel.LINE, MessageKind.TEXT, "Ucustomer", null, "zh-TW", text, List.of(),
                Instant.parse("2026-01-05T09:00:00Z"), null, null);
    }

    @Test
    void mapsAValidAnswerOntoTheTriage() {
        Triage triage = engine(Duration.ofSeconds(5)).triage(text("扣款扣了兩次，明天就要繳房租了"));

        assertThat(triage.intent()).isEqualTo(Intent.BILLING);
        assertThat(triage.emotion()).isEqualTo(Emotion.ANXIOUS);
        assertThat(triage.urgency()).isEqualTo(Urgency.HIGH);
        assertThat(triage.needsHuman()).isTrue();
        assertThat(triage.language()).isEqualTo("zh-Hant");
        assertThat(triage.engine()).isEqualTo("openai:gpt-test");
        assertThat(requestBodies).singleElement().asString()
                .contains("gpt-test", "json_schema", "human_request", "needs_human");
    }

    @Test
    void answersWithTheLocalEngineOnTimeout() {
        answerSlowly = true;
        long start = System.nanoTime();

        Triage triage = engine(Duration.ofMillis(300)).triage(text("我要找真人客服"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(triage.engine()).isEqualTo("local-rules:openai-fallback");
        assertThat(triage.intent()).isEqualTo(Intent.HUMAN_REQUEST);
        assertThat(triage.reasons()).contains("engine:openai_fallback");
    }

    @Test
    void sendsNoPersonalData() {
        engine(Duration.ofSeconds(5)).triage(text("""
                我是陳小姐，身分證 A123456789，手機 0912-345-678，市話 (02)2345-6789，
                email chen.mei@example.com.tw，退款請匯到 012-345678901234，卡號 4111 1111 1111 1111"""));

        assertThat(requestBodies).singleElement().asString()
                .doesNotContain("A123456789", "0912-345-678", "2345-6789", "chen.mei@example.com.tw",
                        "345678901234", "4111 1111 1111 1111", "4111")
                .contains("[id]", "[phone]", "[email]", "[account]");
    }
}
