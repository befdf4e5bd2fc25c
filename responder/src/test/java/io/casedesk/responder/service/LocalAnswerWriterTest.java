package io.casedesk.responder.service;

import io.casedesk.schema.Intent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LocalAnswerWriterTest {

    private final LocalAnswerWriter writer = new LocalAnswerWriter();
    private final GroundingCheck grounding = new GroundingCheck();

    @Test
    void caseStatusAnswerNamesTheOpenCaseItsStatusAndNextStepInTheCustomersLanguage() {
        AnswerContext context = Fixtures.changContext(ReplyLanguage.ZH_HANT);

        Answer answer = writer.write(Fixtures.lineText("我想了解目前離婚訴訟案件的進展"), Intent.CASE_STATUS, context, true);

        assertThat(answer.needsHandoff()).isFalse();
        assertThat(answer.text()).startsWith("張先生您好，")
                .contains("2026-FAM-0142", "等待法院程序", "2026-12-03", "林律師", "自動助理")
                .doesNotContain("2025-TRA-0001");
        assertThat(grounding.problems(answer.text(), context)).isEmpty();
    }

    @Test
    void englishWritersGetEnglishWordingAroundTheRecordedFacts() {
        AnswerContext context = Fixtures.changContext(ReplyLanguage.EN);

        Answer answer = writer.write(Fixtures.lineText("How much do I still owe?"), Intent.BILLING, context, false);

        assertThat(answer.text()).startsWith("Dear Mr. Chang, ").contains("Outstanding fee: TWD 30,000")
                .doesNotContain("automated assistant");
        assertThat(grounding.problems(answer.text(), context)).isEmpty();
    }

    @Test
    void aCaseNumberThatIsNotTheWritersOwnIsAnsweredAsNotFound() {
        AnswerContext context = Fixtures.changContext(ReplyLanguage.ZH_HANT);

        Answer answer = writer.write(Fixtures.lineText("請問 2026-CON-0388 的進度"), Intent.CASE_STATUS, context, true);

        assertThat(answer.text()).contains("查無這個案件編號").doesNotContain("2026-CON-0388").doesNotContain("2026-FAM-0142");
    }

    @Test
    void anUnknownIdentityGetsNoCaseFactsButTheWayToLinkIt() {
        AnswerContext unknown = new AnswerContext(ReplyLanguage.ZH_HANT, Optional.empty(), List.of(), List.of());

        Answer answer = writer.write(Fixtures.lineText("我想了解目前離婚訴訟案件的進展"), Intent.CASE_STATUS, unknown, true);

        assertThat(answer.text()).contains("確認您的身分").doesNotContainPattern("\\d{4}-[A-Z]{3}-\\d{4}");
    }

    @Test
    void complaintsAreHandedOverWithAnAcknowledgement() {
        Answer answer = writer.write(Fixtures.lineText("你們太離譜了"), Intent.COMPLAINT,
                Fixtures.changContext(ReplyLanguage.ZH_HANS), true);

        assertThat(answer.needsHandoff()).isTrue();
        assertThat(answer.text()).contains("同事协助");
    }

    @Test
    void languageTagsMapToTheThreeReplyLanguages() {
        assertThat(ReplyLanguage.of("zh-TW")).isEqualTo(ReplyLanguage.ZH_HANT);
        assertThat(ReplyLanguage.of("zh-Hant")).isEqualTo(ReplyLanguage.ZH_HANT);
        assertThat(ReplyLanguage.of("zh-CN")).isEqualTo(ReplyLanguage.ZH_HANS);
        assertThat(ReplyLanguage.of("zh-Hans")).isEqualTo(ReplyLanguage.ZH_HANS);
        assertThat(ReplyLanguage.of("en-GB")).isEqualTo(ReplyLanguage.EN);
        assertThat(ReplyLanguage.of(null)).isEqualTo(ReplyLanguage.EN);
    }

    @Test
    void replySubjectsCarryExactlyOneRe() {
        assertThat(ResponderService.replySubject("Re: RE: 案件進度")).isEqualTo("Re: 案件進度");
        assertThat(ResponderService.replySubject(null)).isEqualTo("Re: ");
    }
}
