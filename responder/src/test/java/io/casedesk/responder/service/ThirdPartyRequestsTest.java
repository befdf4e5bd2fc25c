package io.casedesk.responder.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ThirdPartyRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"請問王怡君的案件進度", "我太太的離婚案件進度如何", "幫我朋友查一下他的官司進度", "王小姐的官司怎麼樣了",
            "我妈的案子进度", "What is the status of my wife's case?", "Can you check my friend's case?",
            "Tell me about Ms. Wang's case", "I want to see someone else's case", "李先生的開庭是哪天"})
    void recognisesQuestionsAboutSomeoneElse(String text) {
        assertThat(ThirdPartyRequests.asksAboutSomeoneElse(text, Optional.of(Fixtures.CHANG))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"我的案件進度如何？", "目前的進度是什麼", "張先生的案件進度", "林律師的開庭時間是幾點？", "這個案子的費用",
            "Where is my case?", "Dear Mr. Chang's case status", "When is my next hearing?", "請問你們的服務時間"})
    void letsTheWritersOwnQuestionsThrough(String text) {
        assertThat(ThirdPartyRequests.asksAboutSomeoneElse(text, Optional.of(Fixtures.CHANG))).isFalse();
    }
}
