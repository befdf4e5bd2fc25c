package io.casedesk.handoff.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples the re-ask overlap (0.15) was chosen on: rewordings score 0.19 to 0.67, other messages 0. */
class QuestionOverlapTest {

    private static final double THRESHOLD = 0.15;

    @Test
    void rewordingsOfAQuestionOverlap() {
        assertThat(QuestionOverlap.between("請問離婚後小孩的監護權怎麼決定？", "離婚的話孩子的監護權會判給誰？")).isGreaterThan(THRESHOLD);
        assertThat(QuestionOverlap.between("請問律師費怎麼算？", "所以律師費到底要多少錢？")).isGreaterThan(THRESHOLD);
        assertThat(QuestionOverlap.between("諮詢要預約嗎？", "我是問要不要先預約諮詢")).isGreaterThan(THRESHOLD);
        assertThat(QuestionOverlap.between("我的案件進度如何？", "我是問我的案子現在進行到哪裡了")).isGreaterThan(THRESHOLD);
        assertThat(QuestionOverlap.between("How is child custody decided after a divorce?",
                "Who gets custody of the children after divorce?")).isGreaterThan(THRESHOLD);
        assertThat(QuestionOverlap.between("Can I get a refund for parking?",
                "I asked whether parking fees are refundable")).isGreaterThan(THRESHOLD);
    }

    @Test
    void aThankYouOrAnotherQuestionDoesNot() {
        assertThat(QuestionOverlap.between("請問律師費怎麼算？", "謝謝")).isZero();
        assertThat(QuestionOverlap.between("請問律師費怎麼算？", "那你們週六有上班嗎？")).isZero();
        assertThat(QuestionOverlap.between("諮詢要預約嗎？", "好的，謝謝你")).isZero();
        assertThat(QuestionOverlap.between("請問離婚後小孩的監護權怎麼決定？", "我想知道停車位可以申請退費嗎？")).isZero();
        assertThat(QuestionOverlap.between("How much is a consultation?", "Thanks, and where is your office?")).isZero();
    }

    @Test
    void theScriptOfAQuestion() {
        assertThat(ChineseScripts.languageOf("請問律師費怎麼算？")).isEqualTo("zh-Hant");
        assertThat(ChineseScripts.languageOf("请问律师费怎么算？")).isEqualTo("zh-Hans");
        assertThat(ChineseScripts.languageOf("How much is a consultation?")).isEqualTo("en");
        assertThat(ChineseScripts.toSimplified("監護權由法院判斷")).isEqualTo("监护权由法院判断");
    }
}
