package io.casedesk.handoff.knowledge;

import io.casedesk.handoff.support.Broker;
import io.casedesk.handoff.support.HandoffCaseServiceStandIn;
import io.casedesk.handoff.support.InboxSession;
import io.casedesk.handoff.support.KnowledgeTestBase;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole knowledge loop through the broker and the case-service stand-in: questions the bot could not answer (handed
 * off without an article, and asked again after the bot's answer) become gaps, grouped by meaning; the group's drafts
 * start from the agent's answer; a supervisor approves them, and case-service receives the articles.
 */
@QuarkusTest
class KnowledgeLoopIT extends KnowledgeTestBase {

    private static final String ANSWER = "監護權由法院依子女最佳利益判斷，歡迎來電 02-2345-6789 預約諮詢。";

    @Test
    void unansweredQuestionsBecomePublishedArticles() {
        online("agent1");
        Envelope<HandoffRequest> first = gap(CUSTODY_1, "zh-Hant", "no_article");
        gap(CUSTODY_2, "zh-Hant", "low_confidence");
        // Another customer got the bot's own answer and asked again a minute later.
        String conversation = TestEvents.lineConversation(TestEvents.newLineUser("U"));
        Instant asked = clock.instant().minusSeconds(120);
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.INBOUND, "customer", CUSTODY_2, asked));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.ANSWER, "bot",
                "離婚程序請參考我們的說明頁。", "auto", asked.plusSeconds(5)));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.INBOUND, "customer",
                "我是問離婚後孩子的監護權會判給誰？", asked.plusSeconds(65)));
        // The agent answers the first customer in the ticket.
        awaitTicket(ticketIdOf(first), t -> "agent1".equals(t.getString("ticket.agent")));
        reply("agent1", ticketIdOf(first), ANSWER);

        await().atMost(Broker.TIMEOUT).until(() -> count("select count(*) from knowledge_gaps") == 3);
        awaitGrouped(3);
        JsonPath group = groupOf(CUSTODY_1_REDACTED);
        long id = group.getLong("group.id");
        assertThat(group.getInt("group.gaps")).isEqualTo(3);
        assertThat(group.getList("questions.reason", String.class))
                .containsExactlyInAnyOrder("no_article", "low_confidence", "re_asked");
        assertThat(group.getList("drafts.language")).containsExactly("zh-Hant", "en");
        assertThat(group.getString("drafts[0].source")).isEqualTo("agent_reply");
        assertThat(group.getString("drafts[0].body")).isEqualTo("監護權由法院依子女最佳利益判斷，歡迎來電 [phone] 預約諮詢。");

        // The supervisor approves the Chinese draft as drafted, and the English one once translated.
        InboxSession supervisor = InboxSession.signIn("supervisor");
        String drafts = GROUPS + "/" + id + "/drafts/";
        supervisor.request().post(drafts + "zh-Hant/approve").then().statusCode(200);
        supervisor.json(Map.of("title", "Who gets custody of the children after a divorce?",
                        "body", "The court decides by the best interests of the child. Call us to book a consultation.",
                        "tags", List.of("faq", "general_info")))
                .put(drafts + "en").then().statusCode(200);
        JsonPath published = supervisor.request().post(drafts + "en/approve").then().statusCode(200).extract()
                .jsonPath();
        assertThat(published.getString("group.status")).isEqualTo("published");

        assertThat(HandoffCaseServiceStandIn.articles).extracting(HandoffCaseServiceStandIn.ReceivedArticle::id)
                .containsExactly("kb-gap-" + id + "-zh-hant", "kb-gap-" + id + "-en");
        JsonPath chinese = new JsonPath(HandoffCaseServiceStandIn.articles.get(0).body());
        assertThat(chinese.getString("language")).isEqualTo("zh-Hant");
        assertThat(chinese.getString("body")).contains("[phone]").doesNotContain("2345-6789");
        assertThat(chinese.getString("source.reference")).isEqualTo(String.valueOf(id));
        JsonPath english = new JsonPath(HandoffCaseServiceStandIn.articles.get(1).body());
        assertThat(english.getString("title")).isEqualTo("Who gets custody of the children after a divorce?");

        // The metrics page: the gaps, the group on top, the two articles.
        JsonPath metrics = supervisor.request().get("/api/v1/inbox/metrics").then().statusCode(200).extract().jsonPath();
        assertThat(metrics.getLong("knowledgeGaps")).isEqualTo(3);
        assertThat(metrics.getLong("topGapGroups[0].gaps")).isEqualTo(3);
        assertThat(metrics.getLong("articlesPublished")).isEqualTo(2);
    }
}
