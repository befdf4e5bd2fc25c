package io.casedesk.handoff.knowledge;

import io.casedesk.handoff.support.InboxSession;
import io.casedesk.handoff.support.KnowledgeTestBase;
import io.casedesk.handoff.support.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot answer an agent marks wrong makes its question a knowledge gap ({@code marked_wrong}), once, whose group's draft
 * is the agent's right answer rather than what the agent replied in the ticket.
 */
@QuarkusTest
class MarkedWrongGapsIT extends KnowledgeTestBase {

    private static final String RIGHT = "律師費依委任契約計算，請來電 02-2345-6789 洽詢。";
    private static final String RIGHT_REDACTED = "律師費依委任契約計算，請來電 [phone] 洽詢。";

    @Test
    void theQuestionOfAnAnswerMarkedWrongIsAGapDraftedFromTheRightAnswer() {
        String ticketId = ticketWithBotAnswer(TestEvents.newLineUser("U"), "agent1");
        InboxSession agent = reply("agent1", ticketId, "請稍等，我幫您查一下。");
        markWrong(agent, ticketId).then().statusCode(200);
        // Marked once: a second mark is refused and records no second gap.
        markWrong(agent, ticketId).then().statusCode(409);

        awaitGrouped(1);
        assertThat(rows("select question || '|' || language || '|' || reason || '|' || ticket_id || '|' "
                + "|| (feedback_id is not null) from knowledge_gaps")).containsExactly(
                "我的手機 [phone]，請問律師費怎麼算？|zh-Hant|marked_wrong|" + ticketId + "|true");

        JsonPath group = groupOf("我的手機 [phone]，請問律師費怎麼算？");
        assertThat(group.getString("questions[0].reason")).isEqualTo("marked_wrong");
        assertThat(group.getString("drafts.find { it.language == 'zh-Hant' }.source")).isEqualTo("corrected_answer");
        assertThat(group.getString("drafts.find { it.language == 'zh-Hant' }.body")).isEqualTo(RIGHT_REDACTED);
    }

    private static io.restassured.response.Response markWrong(InboxSession agent, String ticketId) {
        return agent.json(Map.of("correctAnswer", RIGHT))
                .post("/api/v1/inbox/tickets/" + ticketId + "/history/" + ANSWER_TURN + "/wrong");
    }
}
