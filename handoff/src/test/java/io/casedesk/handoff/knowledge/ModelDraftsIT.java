package io.casedesk.handoff.knowledge;

import io.casedesk.handoff.service.KnowledgeDrafting;
import io.casedesk.handoff.support.KnowledgeTestBase;
import io.casedesk.handoff.support.OpenAiDraftModel;
import io.casedesk.infra.test.OpenAiStandIn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.HandoffRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts written by an OpenAI-compatible model (the real LangChain4j client against a local stand-in), in the
 * background worker: from the redacted questions and answers, in each language; a slow or failing model leaves the
 * local draft.
 */
@QuarkusTest
@WithTestResource(OpenAiDraftModel.class)
class ModelDraftsIT extends KnowledgeTestBase {

    private static final String ANSWER = "監護權由法院依子女最佳利益判斷，歡迎來電 02-2345-6789 預約諮詢。";

    @Inject
    KnowledgeDrafting drafting;

    private OpenAiStandIn model;

    @BeforeEach
    void resetModel() {
        model = OpenAiDraftModel.model.delaying(Duration.ZERO);
    }

    private static String article(String title, String body) {
        return "{\"title\":" + OpenAiStandIn.jsonString(title) + ",\"body\":" + OpenAiStandIn.jsonString(body) + "}";
    }

    @Test
    void theModelWritesEachLanguagesDraftFromTheRedactedAnswersOnce() {
        model.answering(request -> request.contains("Write in English")
                ? article("How is child custody decided?", "The court decides by the child's best interests.")
                : article("離婚後監護權如何決定？", "法院依子女最佳利益判斷。"));
        online("agent1");
        Envelope<HandoffRequest> answered = gap(CUSTODY_1, "zh-Hant", "no_article");
        awaitTicket(ticketIdOf(answered), t -> "agent1".equals(t.getString("ticket.agent")));
        reply("agent1", ticketIdOf(answered), ANSWER);
        awaitGrouped(1);
        int before = model.requestBodies().size();

        assertThat(drafting.draftWithModel()).isEqualTo(2);

        JsonPath group = groupOf(CUSTODY_1_REDACTED);
        assertThat(group.getList("drafts.language")).containsExactly("zh-Hant", "en");
        assertThat(group.getList("drafts.source")).containsExactly("model", "model");
        assertThat(group.getString("drafts[0].title")).isEqualTo("離婚後監護權如何決定？");
        assertThat(group.getString("drafts[1].body")).isEqualTo("The court decides by the child's best interests.");
        List<String> prompts = model.requestBodies().subList(before, model.requestBodies().size());
        assertThat(prompts).hasSize(2).allSatisfy(prompt -> assertThat(prompt)
                .contains("[zh-Hant] 監護權由法院依子女最佳利益判斷", "<questions>", "stand-in")
                .doesNotContain("0912", "2345-6789"));

        // Written once for these gaps: the next run asks nothing, and opening the group keeps the model's draft.
        assertThat(drafting.draftWithModel()).isZero();
        assertThat(model.requestBodies()).hasSize(before + 2);
        assertThat(groupOf(CUSTODY_1_REDACTED).getList("drafts.source")).containsExactly("model", "model");
    }

    @Test
    void aSlowOrFailingModelLeavesTheLocalDraft() {
        model.answering(article("太慢了", "太慢了")).delaying(Duration.ofSeconds(5));
        gap(PARKING, "zh-Hant", "no_article");
        awaitGrouped(1);

        assertThat(drafting.draftWithModel()).isZero();
        assertThat(groupOf(PARKING).getList("drafts.source")).containsExactly("skeleton", "skeleton");

        model.delaying(Duration.ZERO).failingWith(500);
        assertThat(drafting.draftWithModel()).isZero();
        JsonPath group = groupOf(PARKING);
        assertThat(group.getList("drafts.source")).containsExactly("skeleton", "skeleton");
        assertThat(group.getString("drafts[0].body")).contains(PARKING, "[請在此填寫答案]");
    }
}
