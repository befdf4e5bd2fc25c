package io.casedesk.responder.service.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTest {

    @Test
    void chineseIsCutIntoWordsInEitherScriptWithoutTheWordsEveryQuestionHas() {
        assertThat(SearchTerms.of("請問你們的停車場在哪裡？")).contains("停车场").doesNotContain("请问", "你们", "的");
        assertThat(SearchTerms.of("停車")).isEqualTo(SearchTerms.of("停车"));
    }

    @Test
    void englishWordsAreStemmed() {
        assertThat(SearchTerms.of("How long do you keep my files?")).contains("keep", "file").doesNotContain("how", "my");
    }

    @Test
    void aWordThatOnlySharesAStemWithASynonymFindsNothingOfIt() {
        assertThat(SearchTerms.of("Can it be split into several payments?")).doesNotContain("资", "遣", "severance");
        assertThat(SearchTerms.of("The injury was severe.")).doesNotContain("资", "遣", "severance");
        assertThat(SearchTerms.of("How is severance calculated?")).contains("资", "遣", "severance");
        assertThat(SearchTerms.of("資遣費怎麼算")).contains("severance");
    }

    @Test
    void aCustomersWordFindsTheArticlesWordOfTheSameMeaning() {
        assertThat(SearchTerms.of("你們的營業時間是幾點到幾點？")).contains("营业", "服务", "时间");
        assertThat(SearchTerms.of("服務時間與休假安排")).contains("服务", "营业");
        assertThat(SearchTerms.of("If I cancel, do I get my money back?")).contains("refund");
        assertThat(SearchTerms.of("What are your opening hours?")).contains("offic", "hour");
    }

    @Test
    void aQuestionInOneLanguageSharesTermsWithAnArticleWrittenInTheOther() {
        assertThat(SearchTerms.of("How long do you retain client files after closing?"))
                .containsAnyElementsOf(SearchTerms.of("結案後卷宗保存五年"));
        assertThat(SearchTerms.of("勞動調解通常要多久？")).containsAnyElementsOf(SearchTerms.of("Labour mediation at the court"));
        assertThat(SearchTerms.of("Can I pay by credit card?")).containsAnyElementsOf(SearchTerms.of("本所接受刷卡付款"));
        assertThat(SearchTerms.of("How do I renew my residence permit?")).containsAnyElementsOf(SearchTerms.of("居留證延期申請"));
        assertThat(SearchTerms.of("公司設立需要多少資本額？")).containsAnyElementsOf(SearchTerms.of("Company formation and capital"));
        assertThat(SearchTerms.of("My husband was arrested, can he get bail?")).containsAnyElementsOf(SearchTerms.of("交保與羈押"));
    }

    @Test
    void wordsOutsideTheGroupsAreLeftAsTheyAre() {
        assertThat(SearchTerms.of("離婚訴訟")).doesNotContain("营业", "refund");
    }
}
