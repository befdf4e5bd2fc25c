package io.casedesk.classifier.service.openai;

import io.casedesk.classifier.service.rules.LocalRulesTriageEngine;
import io.casedesk.infra.test.OpenAiStandIn;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The openai engine against a local server that speaks the chat-completions protocol. */
class OpenAiTriageEngineTest {

    private static final String VALID_ANSWER =
            "{\"intent\":\"billing\",\"emotion\":\"anxious\",\"urgency\":\"high\",\"needs_human\":true}";

    private final LocalRulesTriageEngine rules = new LocalRulesTriageEngine("zh-Hant");
    private OpenAiStandIn model;

    @BeforeEach
    void startModel() {
        model = OpenAiStandIn.start().answering(VALID_ANSWER);
    }

    @AfterEach
    void stopModel() {
        model.close();
    }

    private OpenAiTriageEngine engine(Duration timeout) {
        return new OpenAiTriageEngine(OpenAiTriageEngine.chatModel(model.baseUrl(), "test-key", "gpt-test", timeout),
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
        assertThat(model.requestBodies()).singleElement().asString()
                .contains("gpt-test", "json_schema", "human_request", "needs_human");
    }

    @Test
    void answersWithTheLocalEngineOnTimeout() {
        model.delaying(Duration.ofSeconds(5));
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

        assertThat(model.requestBodies()).singleElement().asString()
                .doesNotContain("A123456789", "0912-345-678", "2345-6789", "chen.mei@example.com.tw",
                        "345678901234", "4111 1111 1111 1111", "4111")
                .contains("[id]", "[phone]", "[email]", "[account]");
    }
}
