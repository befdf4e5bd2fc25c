package io.casedesk.responder.service;

import io.casedesk.responder.client.ArticleView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An answer stating anything its context does not hold is caught, whichever engine wrote it. */
class GroundingCheckTest {

    private final GroundingCheck grounding = new GroundingCheck();
    private final AnswerContext context = Fixtures.changContext(ReplyLanguage.ZH_HANT);

    @Test
    void factsFromTheContextPass() {
        assertThat(grounding.problems("張先生您好，2026-FAM-0142 下次開庭 2026-12-03，待繳 TWD 30,000，由林律師承辦。", context))
                .isEmpty();
    }

    @Test
    void aWrongDateIsCaught() {
        assertThat(grounding.problems("您的案件 2026-FAM-0142 下次開庭為 2026-12-04。", context))
                .containsExactly("date not in context");
    }

    @Test
    void anotherCustomersCaseNumberIsCaught() {
        assertThat(grounding.problems("您的案件 2026-CON-0388 審閱中。", context))
                .containsExactly("case number not in context");
        assertThat(grounding.problems("案號2026-CON-0388審閱中", context)).containsExactly("case number not in context");
    }

    @Test
    void anInventedFeeIsCaught() {
        assertThat(grounding.problems("尚待繳納 NT$45,000。", context)).containsExactly("amount not in context");
        assertThat(grounding.problems("Outstanding: 12000 TWD", context)).containsExactly("amount not in context");
    }

    @Test
    void anInventedLawyerIsCaught() {
        assertThat(grounding.problems("本案由王律師承辦。", context)).containsExactly("name not in context");
    }

    @Test
    void datesWrittenOtherwiseAreCheckedToo() {
        assertThat(grounding.problems("下次開庭是 12月3日（2026年12月3日）。", context)).isEmpty();
        assertThat(grounding.problems("The hearing is on December 3, 2026 (3 Dec).", context)).isEmpty();
        assertThat(grounding.problems("下次開庭是 12月4日。", context)).containsExactly("date not in context");
        assertThat(grounding.problems("The hearing is on 12/4.", context)).containsExactly("date not in context");
        assertThat(grounding.problems("The hearing is on December 3, 2027.", context)).containsExactly("date not in context");
        assertThat(grounding.problems("You may send us the documents in May.", context)).isEmpty();
    }

    @Test
    void smallAmountsWithACurrencyAreChecked() {
        assertThat(grounding.problems("規費 NT$500 請於下週繳納。", context)).containsExactly("amount not in context");
        assertThat(grounding.problems("尚待繳納 30000 元。", context)).isEmpty();
    }

    @Test
    void anotherPersonAddressedByTitleIsCaught() {
        assertThat(grounding.problems("王小姐您好，您的案件審理中。", context)).containsExactly("name not in context");
        assertThat(grounding.problems("Dear Ms. Wang, your case is in progress.", context)).containsExactly("name not in context");
        assertThat(grounding.problems("Dear Mr. Chang, your case is in progress.", context)).isEmpty();
    }

    @Test
    void personalDataIsNeverEchoed() {
        assertThat(grounding.problems("我們會打 0912-345-678 給您。", context)).containsExactly("personal data not in context");
        assertThat(grounding.problems("已寄到 someone@example.com。", context)).containsExactly("personal data not in context");
    }
    @Test
    void anArticleReadAgainIsGroundedOnItsNewText() {
        ArticleView before = new ArticleView("KB-7", "en", "Fees", "The filing fee is TWD 3,000, due by 2026-12-10.", null);
        ArticleView after = new ArticleView("KB-7", "en", "Fees", "The filing fee is TWD 4,500, due by 2026-12-15.", null);
        String oldAnswer = "The filing fee is TWD 3,000, due by 2026-12-10.";

        assertThat(grounding.problems(oldAnswer, withArticle(before))).isEmpty();
        // The same article id with a changed text: its facts are read anew, not taken from the first answer.
        assertThat(grounding.problems(oldAnswer, withArticle(after)))
                .containsExactlyInAnyOrder("amount not in context", "date not in context");
        assertThat(grounding.problems("The filing fee is TWD 4,500, due by 2026-12-15.", withArticle(after))).isEmpty();
    }

    private static AnswerContext withArticle(ArticleView article) {
        return new AnswerContext(ReplyLanguage.EN, Optional.empty(), List.of(), List.of(article), Fixtures.TODAY);
    }
}
