package io.casedesk.handoff.rest;

import io.casedesk.handoff.support.BotHistoryTestBase;
import io.casedesk.handoff.support.InboxSession;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Feedback on the bot: an agent marks a bot answer of a ticket's history wrong with the right answer; supervisors
 * export it as JSON lines with personal data redacted.
 */
@QuarkusTest
class AnswerFeedbackIT extends BotHistoryTestBase {

    private static final String EXPORT = "/api/v1/inbox/feedback/export";
    private static final String RIGHT = "律師費依委任契約計算，請來電 02-2345-6789 或寫信到 lin@example.com 洽詢。";

    @Inject
    MeterRegistry registry;

    @Test
    void anAgentMarksABotAnswerWrongAndASupervisorExportsItRedacted() {
        String user = TestEvents.newLineUser("U");
        String conversation = TestEvents.lineConversation(user);
        String ticketId = ticketWithBotAnswer(user, "agent1");
        double before = registry.get("casedesk.handoff.answers.marked.wrong").counter().count();

        JsonPath ticket = mark(InboxSession.signIn("agent1"), ticketId, ANSWER_TURN, RIGHT).statusCode(200)
                .extract().jsonPath();
        assertThat(ticket.getInt("wrongAnswers[0].turn")).isEqualTo(ANSWER_TURN);
        assertThat(ticket.getString("wrongAnswers[0].correctAnswer")).isEqualTo(RIGHT);
        assertThat(ticket.getString("wrongAnswers[0].markedBy")).isEqualTo("agent1");
        // Kept as written, with what the ticket knew.
        assertThat(count("select count(*) from answer_feedback where ticket_id = '" + ticketId + "' and conversation_id = '"
                + conversation + "' and language = 'zh-Hant' and intent = 'human_request' and question = '" + QUESTION
                + "' and bot_answer = '" + BOT_ANSWER + "' and marked_by = 'agent1' and answered_at is not null"))
                .isEqualTo(1);

        String export = InboxSession.signIn("supervisor").request().accept(InboxResource.NDJSON).get(EXPORT).then()
                .statusCode(200).contentType(InboxResource.NDJSON)
                .header("Content-Disposition", containsString("answer-feedback.jsonl")).extract().asString();
        List<String> lines = export.lines().toList();
        assertThat(lines).hasSize(1);
        JsonPath line = new JsonPath(lines.get(0));
        assertThat(line.getString("ticketId")).isEqualTo(ticketId);
        assertThat(line.getString("markedBy")).isEqualTo("agent1");
        assertThat(line.getString("language")).isEqualTo("zh-Hant");
        assertThat(line.getString("intent")).isEqualTo("human_request");
        assertThat(line.getString("question")).isEqualTo("我的手機 [phone]，請問律師費怎麼算？");
        assertThat(line.getString("botAnswer")).isEqualTo("律師費為每小時 5000 元，請匯款至 [account]。");
        assertThat(line.getString("correctAnswer")).isEqualTo("律師費依委任契約計算，請來電 [phone] 或寫信到 [email] 洽詢。");
        assertThat(line.getString("conversationKey")).isNotBlank().isNotEqualTo(conversation);
        assertThat(line.getString("markedAt")).isNotBlank();
        // The numbers as written ("0912" alone also turns up in a timestamp's fraction of a second).
        assertThat(export).doesNotContain("0912-345-678", "345-678", "012345678901", "2345-6789", "lin@example.com",
                user);

        // Feedback is not a message: nothing of it goes to the customer.
        for (String topic : List.of(Topics.OUTBOUND_LINE, Topics.CONVERSATION)) {
            assertThat(broker.snapshot(topic, conversation)).as(topic).extracting(Envelope::payload)
                    .map(EventPayload::toString).noneMatch(p -> p.contains("委任契約計算"));
        }
        assertThat(registry.get("casedesk.handoff.answers.marked.wrong").counter().count()).isEqualTo(before + 1);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("casedesk_handoff_answers_marked_wrong_total"));
        assertThat(InboxSession.signIn("agent1").request().get("/api/v1/inbox/metrics").then().statusCode(200)
                .extract().jsonPath().getLong("answersMarkedWrong")).isEqualTo(1);
    }

    @Test
    void onlyAnAnswerOfTheBotIsMarkedOnceWithARightAnswer() {
        String ticketId = ticketWithBotAnswer(TestEvents.newLineUser("U"), "agent1");
        InboxSession agent = InboxSession.signIn("agent1");
        problem(mark(agent, ticketId, 0, RIGHT), 400, "not_a_bot_answer")
                .body("detail", equalTo("Turn 0 of this ticket's history is not an answer of the bot"));
        problem(mark(agent, ticketId, 99, RIGHT), 400, "not_a_bot_answer");
        problem(mark(agent, ticketId, ANSWER_TURN, " "), 400, "empty_text")
                .body("detail", equalTo("The right answer is empty"));
        problem(mark(agent, ticketId, ANSWER_TURN, "對".repeat(5001)), 400, "text_too_long");
        problem(mark(agent, "no-such-ticket", ANSWER_TURN, RIGHT), 404, "not_found");
        mark(agent, ticketId, ANSWER_TURN, RIGHT).statusCode(200);
        problem(mark(InboxSession.signIn("supervisor"), ticketId, ANSWER_TURN, "另一個答案"), 409, "already_marked");
        assertThat(count("select count(*) from answer_feedback")).isEqualTo(1);
    }

    @Test
    void onlySupervisorsExport() {
        String ticketId = ticketWithBotAnswer(TestEvents.newLineUser("U"), "agent1");
        mark(InboxSession.signIn("agent1"), ticketId, ANSWER_TURN, RIGHT).statusCode(200);

        problem(InboxSession.signIn("agent1").request().accept(InboxResource.NDJSON).get(EXPORT).then(), 403,
                "forbidden");
        InboxSession supervisor = InboxSession.signIn("supervisor");
        assertThat(supervisor.request().accept(InboxResource.NDJSON).queryParam("since", "2020-01-01T00:00:00Z")
                .get(EXPORT).then().statusCode(200).extract().asString().lines()).hasSize(1);
        assertThat(supervisor.request().accept(InboxResource.NDJSON).queryParam("since", "2999-01-01T00:00:00Z")
                .get(EXPORT).then().statusCode(200).extract().asString()).isEmpty();
        problem(supervisor.request().accept(InboxResource.NDJSON).queryParam("since", "yesterday").get(EXPORT).then(),
                400, "bad_request");
    }

    private static ValidatableResponse mark(InboxSession session, String ticketId, int turn, String correctAnswer) {
        return session.json(Map.of("correctAnswer", correctAnswer))
                .post("/api/v1/inbox/tickets/" + ticketId + "/history/" + turn + "/wrong").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("error", equalTo(code));
    }
}
