package io.casedesk.classifier.service.embedding;

import io.casedesk.classifier.service.TriageEngine;
import io.casedesk.classifier.support.InMemoryChannels;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.casedesk.schema.Channel;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.TextEmbedding;
import io.casedesk.schema.Triage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local engine with the real model, as the service builds it: the default engine. A {@code @QuarkusTest}, because
 * the tokenizer's native library can be loaded by one class loader only, and the application's is the one that has it.
 */
@QuarkusTest
@WithTestResource(InMemoryChannels.class)
class EmbeddingTriageEngineTest {

    @Inject
    TriageEngine engine;

    @Test
    void isTheDefaultEngine() {
        assertThat(engine.name()).isEqualTo(EmbeddingTriageEngine.NAME);
    }

    private static InboundMessage text(String text) {
        return new InboundMessage(Channel.LINE, MessageKind.TEXT, "Ucustomer", null, null, text, List.of(),
                Instant.parse("2026-01-05T09:00:00Z"), null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "可以告訴我上訴狀遞出去了沒有嗎？ | CASE_STATUS",
            "能不能把星期三的面谈改到下午 | APPOINTMENT",
            "How much do I still owe you for the last invoice? | BILLING",
            "請問我還需要補交哪些證明文件 | DOCUMENTS",
            "我想把手機號碼換成新的 | ACCOUNT",
            "Do you have an office in Taichung? | GENERAL_INFO",
            "謝謝你們 | GREETING",
    })
    void readsTheIntentInEveryScript(String message, Intent expected) {
        Triage triage = engine.triage(text(message));

        assertThat(triage.intent()).isEqualTo(expected);
        assertThat(triage.engine()).isEqualTo(EmbeddingTriageEngine.NAME);
    }

    @Test
    void anExplicitRequestForAPersonWins() {
        Triage triage = engine.triage(text("我要找真人客服，不要機器人"));

        assertThat(triage.intent()).isEqualTo(Intent.HUMAN_REQUEST);
        assertThat(triage.needsHuman()).isTrue();
        assertThat(triage.reasons()).contains("needs_human:explicit_request");
    }

    @Test
    void anAngryComplaintNeedsAPerson() {
        Triage triage = engine.triage(text("你們收了錢就不做事，太離譜了，我要投訴"));

        assertThat(triage.intent()).isEqualTo(Intent.COMPLAINT);
        assertThat(triage.emotion()).isEqualTo(Emotion.ANGRY);
        assertThat(triage.needsHuman()).isTrue();
    }

    @Test
    void aHearingTomorrowIsUrgentWhateverTheModelReads() {
        Triage triage = engine.triage(text("明天開庭，我還不知道要帶什麼"));

        assertThat(triage.urgency()).isEqualTo(io.casedesk.schema.Urgency.HIGH);
        assertThat(triage.needsHuman()).isTrue();
    }

    @Test
    void givesAConfidencePerLabelFamily() {
        Map<String, Double> confidence = engine.triage(text("請問律師費怎麼算")).confidence();

        assertThat(confidence).containsOnlyKeys("intent", "emotion", "urgency", "needs_human", "language");
        assertThat(confidence.values()).allSatisfy(value -> assertThat(value).isBetween(0.0, 1.0));
    }

    @Test
    void triagesABatchInOrderAsOneByOne() {
        List<InboundMessage> messages = Arrays.stream(new String[]{"你好", "I need to reschedule my appointment", "帳單有錯"})
                .map(EmbeddingTriageEngineTest::text).collect(Collectors.toList());
        messages.add(new InboundMessage(Channel.LINE, MessageKind.FOLLOW, "Ucustomer", null, "zh-TW", null, List.of(),
                Instant.parse("2026-01-05T09:00:00Z"), null, null));

        List<Triage> batch = engine.triageAll(messages);

        assertThat(batch).containsExactlyElementsOf(messages.stream().map(engine::triage).toList());
        assertThat(batch.get(3).intent()).isEqualTo(Intent.GREETING);
        assertThat(batch.get(3).engine()).isEqualTo(EmbeddingTriageEngine.NAME);
    }

    @Test
    void aReadingIsTheTriageWithTheEmbeddingOfTheTextTheModelRead() {
        InboundMessage plain = text("請問你們的營業時間？");

        TriageEngine.Reading reading = engine.read(plain);

        assertThat(reading.triage()).isEqualTo(engine.triage(plain));
        float[] vector = reading.embedding().vectorFor(TextEmbedding.BGE_SMALL_ZH_V15_Q, "請問你們的營業時間？").orElseThrow();
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        assertThat(vector).hasSize(512);
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        // The model reads the masked text, so that is what the embedding is of, never the customer's own numbers.
        TextEmbedding masked = engine.read(text("2026-FAM-0142 的開庭是哪天")).embedding();
        assertThat(masked.vectorFor(TextEmbedding.BGE_SMALL_ZH_V15_Q, "2026-FAM-0142 的開庭是哪天")).isEmpty();
        assertThat(masked.vectorFor(TextEmbedding.BGE_SMALL_ZH_V15_Q, "[case] 的開庭是哪天")).isPresent();
        assertThat(engine.read(new InboundMessage(Channel.LINE, MessageKind.FOLLOW, "Ucustomer", null, "zh-TW", null,
                List.of(), Instant.parse("2026-01-05T09:00:00Z"), null, null)).embedding()).isNull();
    }

    @Test
    void aCaseNumberAloneHasNoLanguage() {
        assertThat(engine.triage(text("2026-FAM-0142")).language()).isEqualTo("und");
        assertThat(engine.triage(text("IN-2026-0318 0912345678")).language()).isEqualTo("und");
        assertThat(engine.triage(text("我是陳雅惠，想問 2026-LAB-0316 的開庭日期")).language()).isEqualTo("zh-Hant");
    }

    @Test
    void aRequestForALegalOpinionNeedsAPerson() {
        Triage triage = engine.triage(text("He wants 500k to drop it. Should I just take the offer?"));

        assertThat(triage.needsHuman()).isTrue();
        assertThat(triage.reasons()).contains("needs_human:professional_judgement");
    }

    @Test
    void aRecordUpdateThatAlsoAsksForNewsNamesBoth() {
        Triage triage = engine.triage(text("My resident certificate number is now A800000014, please update your records.\n"
                + "Also, any news on the company registration? Has it been approved yet?"));

        assertThat(List.of(triage.intent(), triage.alsoAsks())).containsExactlyInAnyOrder(Intent.ACCOUNT, Intent.CASE_STATUS);
    }

    @Test
    void everyIntentHasEnoughTrainingExamples() {
        List<TrainingExample> examples = TrainingExample.loadDefault();

        assertThat(examples).hasSizeGreaterThan(200);
        for (Intent intent : Intent.values()) {
            assertThat(examples).as("examples of " + intent).filteredOn(e -> e.intent() == intent).hasSizeGreaterThanOrEqualTo(15);
        }
    }
}
