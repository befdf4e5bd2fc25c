package io.casedesk.responder.service;

import org.junit.jupiter.api.Test;

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
}
