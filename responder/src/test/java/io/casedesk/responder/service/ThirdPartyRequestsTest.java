package io.casedesk.responder.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.casedesk.responder.client.CaseView;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ThirdPartyRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"請問王怡君的案件進度", "我太太的離婚案件進度如何", "幫我朋友查一下他的官司進度", "王小姐的官司怎麼樣了",
            "我妈的案子进度", "What is the status of my wife's case?", "Can you check my friend's case?",
            "Tell me about Ms. Wang's case", "I want to see someone else's case", "李先生的開庭是哪天",
            "Could you check Peter Lin's case for me?", "When is Amy's hearing?", "幫我查一下陳大文的案子進度",
            "我朋友那件車禍的和解談得怎麼樣了？", "王小姐那件離婚案現在怎樣？", "我前夫的案子進度如何", "How is my friend's mediation going?",
            "Any news on my ex-husband's custody case?", "What is the status of the case of my brother?",
            "我同事說他也是你們的客戶，他的調解結果出來了嗎", "幫我查一下吳宗翰的刑事案件進度", "王怡君小姐的合約審閱好了嗎？",
            "請問蔡佩珊小姐的扶養費案件開庭了嗎", "我先生張志明的離婚案件到哪裡了",
            "David Miller is my business partner. Can you tell me how his supplier dispute is going?",
            "My neighbour is also your client; is her mediation done?"})
    void recognisesQuestionsAboutSomeoneElse(String text) {
        assertThat(ThirdPartyRequests.asksAboutSomeoneElse(text, Optional.of(Fixtures.CHANG))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dear Ms Lin, my wife and I wonder whether the hearing for our son's guardianship is set.",
            "Hi Mr. Wu, any news on my case?", "Good morning Ms Tsai,\nHas the court answered yet?"})
    void aNameTheWriterGreetsIsTheReaderNotAnotherClient(String text) {
        assertThat(ThirdPartyRequests.asksAboutSomeoneElse(text, Optional.of(Fixtures.CHANG))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Has Ms Kao filed the appeal in my case yet?", "Can Mr. Kao's office send me the invoice?"})
    void theWritersOwnLawyerNamedInEnglishIsNoOtherClient(String text) {
        CaseView appeal = new CaseView("2026-CIV-0777", "Appeal of the supplier judgment", "civil", "in_progress", null,
                "高律師 (Linda Kao)", LocalDate.parse("2026-09-01"), null, null);
        assertThat(ThirdPartyRequests.asksAboutSomeoneElse(text, Optional.of(Fixtures.CHANG), List.of(appeal))).isFalse();
        assertThat(ThirdPartyRequests.asksAboutSomeoneElse(text, Optional.of(Fixtures.CHANG)))
                .as("a name the writer's cases do not know may be another client").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"我的案件進度如何？", "目前的進度是什麼", "張先生的案件進度", "林律師的開庭時間是幾點？", "這個案子的費用",
            "Where is my case?", "Dear Mr. Chang's case status", "When is my next hearing?", "請問你們的服務時間",
            "Chang's case: any news?", "What is Taiwan's mediation process?", "對方的律師說要和解，我的案件進度如何",
            "雙方的調解結果出來了嗎", "高等法院的開庭是哪天",
            "The other driver filed his appeal yesterday. What happens in my case now?",
            "My lawyer said her fees are due next week, how much is it?"})
    void letsTheWritersOwnQuestionsThrough(String text) {
        assertThat(ThirdPartyRequests.asksAboutSomeoneElse(text, Optional.of(Fixtures.CHANG))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"我先生的遗产继承现在办到哪一步了？", "我老公的遺產要準備什麼文件", "How is my late husband's estate case going?"})
    void aRelativesMatterThatIsTheWritersOwnCaseIsTheirs(String text) {
        CaseView estate = new CaseView("2026-EST-0101", "亡夫遗产继承及遗产税申报 (estate of late husband)", "estate",
                "awaiting_client", null, "林律師", LocalDate.parse("2026-09-01"), null, null);
        assertThat(ThirdPartyRequests.asksAboutSomeoneElse(text, Optional.of(Fixtures.CHANG), List.of(estate))).isFalse();
        CaseView contract = new CaseView("2026-CON-0102", "加盟合約審閱 (franchise contract review)", "contract_review",
                "in_progress", null, "周律師", LocalDate.parse("2026-10-01"), null, null);
        assertThat(ThirdPartyRequests.asksAboutSomeoneElse(text, Optional.of(Fixtures.CHANG), List.of(contract)))
                .as("without such a case it is someone else's").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"我前夫的案子進度如何", "我朋友的和解談得如何"})
    void anExSpousesOrAFriendsMatterIsNeverTheWritersOwn(String text) {
        assertThat(ThirdPartyRequests.asksAboutSomeoneElse(text, Optional.of(Fixtures.CHANG), List.of(Fixtures.DIVORCE)))
                .isTrue();
    }
}
