package io.casedesk.handoff.knowledge;

import io.casedesk.handoff.support.HandoffCaseServiceStandIn;
import io.casedesk.handoff.support.InboxSession;
import io.casedesk.handoff.support.KnowledgeTestBase;
import io.casedesk.infra.test.CaseServiceStandIn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.HandoffRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Drafted FAQ articles of knowledge-gap groups: from an agent's answer or a skeleton, edited, approved (published to
 * the case-service stand-in) or rejected by a supervisor; case-service's refusal publishes nothing; agents may not.
 */
@QuarkusTest
class KnowledgeArticlesIT extends KnowledgeTestBase {

    private static final String ANSWER = "監護權由法院依子女最佳利益判斷，歡迎來電 02-2345-6789 預約諮詢。";

    @Inject
    MeterRegistry registry;

    @Test
    void aDraftIsTheAgentsAnswerOrASkeletonOfTheQuestions() {
        online("agent1");
        Envelope<HandoffRequest> answered = gap(CUSTODY_1, "zh-Hant", "no_article");
        gap(CUSTODY_2, "zh-Hant", "no_article");
        gap(CUSTODY_EN_1, "en", "no_article");
        awaitTicket(ticketIdOf(answered), t -> "agent1".equals(t.getString("ticket.agent")));
        reply("agent1", ticketIdOf(answered), ANSWER);
        awaitGrouped(3);

        JsonPath chinese = groupOf(CUSTODY_1_REDACTED);
        assertThat(chinese.getInt("group.gaps")).isEqualTo(2);
        assertThat(chinese.getList("group.languages")).containsExactly("zh-Hant");
        assertThat(chinese.getList("questions.question", String.class))
                .containsExactlyInAnyOrder(CUSTODY_1_REDACTED, CUSTODY_2);
        // Drafted in zh-Hant and en (the firm's languages; zh-Hans only when it writes in it).
        assertThat(chinese.getList("drafts.language")).containsExactly("zh-Hant", "en");
        assertThat(chinese.getString("drafts[0].source")).isEqualTo("agent_reply");
        assertThat(chinese.getString("drafts[0].state")).isEqualTo("draft");
        assertThat(chinese.getString("drafts[0].body"))
                .isEqualTo("監護權由法院依子女最佳利益判斷，歡迎來電 [phone] 預約諮詢。");
        assertThat(chinese.getString("drafts[0].title")).isIn(CUSTODY_1_REDACTED, CUSTODY_2);
        assertThat(chinese.getList("drafts[0].tags")).containsExactly("faq", "general_info");
        // No English answer: the questions, to be translated.
        assertThat(chinese.getString("drafts[1].source")).isEqualTo("skeleton");
        assertThat(chinese.getString("drafts[1].title")).startsWith("To translate: ");
        assertThat(chinese.getString("drafts[1].body")).startsWith("Customers asked (to translate):\n- ")
                .contains(CUSTODY_1_REDACTED, CUSTODY_2).endsWith("Answer: [write the answer here]");

        JsonPath english = groupOf(CUSTODY_EN_1);
        assertThat(english.getList("drafts.language")).containsExactly("zh-Hant", "en");
        assertThat(english.getString("drafts[1].source")).isEqualTo("skeleton");
        assertThat(english.getString("drafts[1].title")).isEqualTo(CUSTODY_EN_1);
        assertThat(english.getString("drafts[1].body")).isEqualTo("Customers asked:\n- " + CUSTODY_EN_1
                + "\n\nAnswer: [write the answer here]");
        assertThat(english.getString("drafts[0].body")).isEqualTo("客戶問過（待翻譯）：\n- " + CUSTODY_EN_1
                + "\n\n答案：[請在此填寫答案]");

        // Ranked: most questions first.
        List<Map<String, Object>> groups = InboxSession.signIn("supervisor").request().get(GROUPS).then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(groups).extracting(g -> g.get("gaps")).containsExactly(2, 1);
        assertThat(groups.get(0).get("samples")).asList().contains(CUSTODY_2);
        assertThat(groups.get(0).get("status")).isEqualTo("open");
    }

    @Test
    void anApprovedDraftIsPublishedToCaseServiceOnlyWhenItAcceptsIt() {
        long group = groupOfNewGap(CUSTODY_EN_1, "en");
        String draft = GROUPS + "/" + group + "/drafts/en";
        InboxSession supervisor = InboxSession.signIn("supervisor");
        supervisor.json(Map.of("title", "How is child custody decided?",
                        "body", "The court decides by the best interests of the child.", "tags", List.of("family", "custody")))
                .put(draft).then().statusCode(200)
                .body("drafts[1].language", equalTo("en"))
                .body("drafts[1].editedBy", equalTo("supervisor"))
                .body("drafts[1].title", equalTo("How is child custody decided?"));
        double published = registry.get("casedesk.handoff.articles.published").counter().count();

        // case-service refuses: the supervisor sees its problem, and nothing is published.
        HandoffCaseServiceStandIn.articleRefusal = new CaseServiceStandIn.Answer(403, """
                {"type":"urn:casedesk:problem:forbidden","title":"Forbidden","status":403,
                 "detail":"The key lacks the publish-kb role","error":"forbidden"}""");
        problem(supervisor.request().post(draft + "/approve").then(), 502, "publish_failed")
                .body("detail", containsString("The key lacks the publish-kb role"))
                .body("detail", containsString("HTTP 403"));
        JsonPath unpublished = supervisor.request().get(GROUPS + "/" + group).then().statusCode(200).extract().jsonPath();
        assertThat(unpublished.getString("drafts[1].state")).isEqualTo("draft");
        assertThat(unpublished.getString("group.status")).isEqualTo("open");
        assertThat(HandoffCaseServiceStandIn.articles).isEmpty();

        JsonPath approved = supervisor.request().post(draft + "/approve").then().statusCode(200).extract().jsonPath();
        assertThat(approved.getString("drafts[1].state")).isEqualTo("approved");
        assertThat(approved.getString("drafts[1].articleId")).isEqualTo("kb-gap-" + group + "-en");
        assertThat(approved.getString("group.status")).isEqualTo("published");
        assertThat(approved.getString("group.publishedBy")).isEqualTo("supervisor");
        assertThat(approved.getString("group.publishedAt")).isNotBlank();
        assertThat(HandoffCaseServiceStandIn.articles).hasSize(1);
        HandoffCaseServiceStandIn.ReceivedArticle article = HandoffCaseServiceStandIn.articles.get(0);
        assertThat(article.id()).isEqualTo("kb-gap-" + group + "-en");
        JsonPath body = new JsonPath(article.body());
        assertThat(body.getString("language")).isEqualTo("en");
        assertThat(body.getString("title")).isEqualTo("How is child custody decided?");
        assertThat(body.getString("body")).isEqualTo("The court decides by the best interests of the child.");
        assertThat(body.getList("tags")).containsExactly("family", "custody");
        assertThat(body.getMap("source")).containsExactlyInAnyOrderEntriesOf(Map.of("kind", "knowledge_gap",
                "reference", String.valueOf(group), "by", "supervisor"));
        assertThat(registry.get("casedesk.handoff.articles.published").counter().count()).isEqualTo(published + 1);

        problem(supervisor.request().post(draft + "/approve").then(), 409, "already_decided");
        assertThat(HandoffCaseServiceStandIn.articles).hasSize(1);
    }

    @Test
    void aRejectedDraftIsDismissedAndAgentsMayNotDecide() {
        long group = groupOfNewGap(PARKING, "zh-Hant");
        String draft = GROUPS + "/" + group + "/drafts/zh-Hant";

        InboxSession agent = InboxSession.signIn("agent1");
        problem(agent.request().get(GROUPS).then(), 403, "forbidden");
        problem(agent.request().get(GROUPS + "/" + group).then(), 403, "forbidden");
        problem(agent.json(Map.of("title", "t", "body", "b")).put(draft).then(), 403, "forbidden");
        problem(agent.request().post(draft + "/approve").then(), 403, "forbidden");
        problem(agent.request().post(draft + "/reject").then(), 403, "forbidden");

        InboxSession supervisor = InboxSession.signIn("supervisor");
        problem(supervisor.json(Map.of("title", " ", "body", "b")).put(draft).then(), 400, "empty_text");
        problem(supervisor.request().post(GROUPS + "/" + group + "/drafts/fr/reject").then(), 400, "unknown_language");
        // The firm does not write Simplified Chinese: the group has no such draft.
        problem(supervisor.request().post(GROUPS + "/" + group + "/drafts/zh-Hans/reject").then(), 404, "not_found");
        problem(supervisor.request().get(GROUPS + "/999999").then(), 404, "not_found");

        JsonPath rejected = supervisor.request().post(draft + "/reject").then().statusCode(200).extract().jsonPath();
        assertThat(rejected.getString("drafts[0].state")).isEqualTo("rejected");
        assertThat(rejected.getString("drafts[0].decidedBy")).isEqualTo("supervisor");
        // Dismissed once every language's draft is rejected.
        assertThat(rejected.getString("group.status")).isEqualTo("open");
        JsonPath dismissed = supervisor.request().post(GROUPS + "/" + group + "/drafts/en/reject").then().statusCode(200)
                .extract().jsonPath();
        assertThat(dismissed.getString("group.status")).isEqualTo("dismissed");
        problem(supervisor.request().post(draft + "/approve").then(), 409, "already_decided");
        assertThat(HandoffCaseServiceStandIn.articles).isEmpty();
    }

    @Test
    void aFirmWritingSimplifiedChineseGetsTheTraditionalAnswersConverted() {
        HandoffCaseServiceStandIn.firmLanguages = List.of("zh-Hant", "zh-Hans", "en");
        calendar.refresh();
        try {
            online("agent1");
            Envelope<HandoffRequest> answered = gap(CUSTODY_1, "zh-Hant", "no_article");
            awaitTicket(ticketIdOf(answered), t -> "agent1".equals(t.getString("ticket.agent")));
            reply("agent1", ticketIdOf(answered), ANSWER);
            awaitGrouped(1);

            JsonPath group = groupOf(CUSTODY_1_REDACTED);
            assertThat(group.getList("drafts.language")).containsExactly("zh-Hant", "en", "zh-Hans");
            assertThat(group.getString("drafts[2].source")).isEqualTo("converted");
            // Character by character (ICU4J): 諮詢 becomes 谘询 where mainland usage writes 咨询, for the supervisor to
            // correct before approving.
            assertThat(group.getString("drafts[2].body")).isEqualTo("监护权由法院依子女最佳利益判断，欢迎来电 [phone] 预约谘询。");
            assertThat(group.getString("drafts[2].title")).isEqualTo("请问离婚后小孩的监护权怎么决定？我的电话 [phone]");
        } finally {
            HandoffCaseServiceStandIn.firmLanguages = List.of("zh-Hant", "en");
            calendar.refresh();
        }
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("error", equalTo(code));
    }
}
