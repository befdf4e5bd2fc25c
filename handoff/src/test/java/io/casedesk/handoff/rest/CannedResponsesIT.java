package io.casedesk.handoff.rest;

import io.casedesk.handoff.support.HandoffTestBase;
import io.casedesk.handoff.support.InboxSession;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.infra.test.CaseServiceStandIn;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.Intent;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.Urgency;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

/**
 * Canned responses: supervisors keep them per language, with clear problems for what is wrong; agents get those of
 * the ticket's language with the customer's salutation and their own name filled in.
 */
@QuarkusTest
class CannedResponsesIT extends HandoffTestBase {

    private static final String PATH = "/api/v1/inbox/canned-responses";

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void noCannedResponses() {
        sql("delete from canned_responses");
    }

    @Test
    void aSupervisorCreatesChangesAndDeletesCannedResponses() {
        InboxSession supervisor = InboxSession.signIn("supervisor");
        JsonPath created = supervisor.json(draft("zh-Hant", "refund-policy", "退費說明", "{salutation}您好，退費依委任契約第 5 條辦理。"))
                .post(PATH).then().statusCode(201).header("Location", containsString(PATH + "/"))
                .body("updatedBy", equalTo("supervisor")).extract().jsonPath();
        long id = created.getLong("id");
        // The same shortcut in another language is another canned response.
        supervisor.json(draft("en", "refund-policy", "Refunds", "Dear {salutation}, refunds follow clause 5."))
                .post(PATH).then().statusCode(201);

        supervisor.json(draft("zh-Hant", "refund-policy", "退費說明（新）", "{salutation}您好，我是{agent}。退費依契約辦理。"))
                .put(PATH + "/" + id).then().statusCode(200).body("title", equalTo("退費說明（新）"));
        assertThat(supervisor.request().queryParam("language", "zh-Hant").get(PATH).then().statusCode(200)
                .extract().jsonPath().getList("title")).containsExactly("退費說明（新）");
        assertThat(InboxSession.signIn("agent1").request().get(PATH).then().statusCode(200)
                .extract().jsonPath().getList("language")).containsExactly("en", "zh-Hant");

        supervisor.request().delete(PATH + "/" + id).then().statusCode(204);
        problem(supervisor.request().delete(PATH + "/" + id).then(), 404, "not_found");
        problem(supervisor.json(draft("en", "x", "x", "x")).put(PATH + "/" + id).then(), 404, "not_found");
        assertThat(count("select count(*) from canned_responses")).isEqualTo(1);
    }

    @Test
    void whatIsWrongWithACannedResponseIsAClearProblem() {
        InboxSession supervisor = InboxSession.signIn("supervisor");
        problem(supervisor.json(draft("fr", "refund", "Remboursement", "Bonjour")).post(PATH).then(),
                400, "unknown_language")
                .body("detail", equalTo("Unknown language fr: canned responses are zh-Hant, zh-Hans or en"));
        problem(supervisor.json(draft("en", "Refund Policy", "Refunds", "Hello")).post(PATH).then(),
                400, "invalid_shortcut");
        problem(supervisor.json(draft("en", "refund", "Refunds", "  ")).post(PATH).then(), 400, "empty_text")
                .body("detail", equalTo("The body is empty"));
        problem(supervisor.json(draft("en", "refund", "Refunds", "Dear {name}, as agreed.")).post(PATH).then(),
                400, "unknown_placeholder")
                .body("detail", equalTo("Unknown placeholder {name}: a body may use {salutation} and {agent}"));
        problem(supervisor.request().queryParam("language", "de").get(PATH).then(), 400, "unknown_language");

        supervisor.json(draft("en", "refund", "Refunds", "Hello {salutation}")).post(PATH).then().statusCode(201);
        problem(supervisor.json(draft("en", "refund", "Refunds again", "Hi")).post(PATH).then(),
                409, "duplicate_shortcut")
                .body("detail", equalTo("Another en canned response has the shortcut refund"));
        long other = supervisor.json(draft("en", "fees", "Fees", "Hi")).post(PATH).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        problem(supervisor.json(draft("en", "refund", "Fees", "Hi")).put(PATH + "/" + other).then(),
                409, "duplicate_shortcut");
        assertThat(count("select count(*) from canned_responses")).isEqualTo(2);
    }

    @Test
    void anAgentReadsCannedResponsesButMayNotManageThem() {
        long id = InboxSession.signIn("supervisor").json(draft("en", "hours", "Hours", "We open at 9."))
                .post(PATH).then().statusCode(201).extract().jsonPath().getLong("id");
        InboxSession agent = InboxSession.signIn("agent1");
        agent.request().get(PATH).then().statusCode(200);
        problem(agent.json(draft("en", "mine", "Mine", "Hello")).post(PATH).then(), 403, "forbidden");
        problem(agent.json(draft("en", "hours", "Hours", "Changed")).put(PATH + "/" + id).then(), 403, "forbidden");
        problem(agent.request().delete(PATH + "/" + id).then(), 403, "forbidden");
        assertThat(count("select count(*) from canned_responses where body = 'We open at 9.'")).isEqualTo(1);
    }

    @Test
    void aTicketGetsItsLanguagesCannedResponsesWithTheSalutationAndTheAgentFilled() {
        InboxSession supervisor = InboxSession.signIn("supervisor");
        supervisor.json(draft("zh-Hant", "refund-policy", "退費說明", "{salutation}您好，我是{agent}，退費依契約辦理。"))
                .post(PATH).then().statusCode(201);
        long english = supervisor.json(draft("en", "refund-policy", "Refunds", "Dear {salutation}, this is {agent}."))
                .post(PATH).then().statusCode(201).extract().jsonPath().getLong("id");
        supervisor.json(draft("zh-Hans", "refund-policy", "退费说明", "{salutation}您好")).post(PATH).then().statusCode(201);

        // A known customer in Chinese: case-service's salutation.
        String known = assignedTicket(CaseServiceStandIn.KNOWN_LINE_USER, "agent1");
        InboxSession agent = InboxSession.signIn("agent1");
        JsonPath filled = agent.request().get("/api/v1/inbox/tickets/" + known + "/canned-responses")
                .then().statusCode(200).extract().jsonPath();
        assertThat(filled.getList("shortcut")).containsExactly("refund-policy");
        assertThat(filled.getString("[0].language")).isEqualTo("zh-Hant");
        assertThat(filled.getString("[0].text")).isEqualTo("張先生您好，我是agent1，退費依契約辦理。");

        // An unknown customer: the neutral greeting.
        String unknown = assignedTicket(TestEvents.newLineUser("U"), "agent1");
        assertThat(agent.request().get("/api/v1/inbox/tickets/" + unknown + "/canned-responses").then().statusCode(200)
                .extract().jsonPath().getString("[0].text")).isEqualTo("貴賓您好，我是agent1，退費依契約辦理。");

        // The same customer in English, on email: the English salutation and the English text.
        online("agent1");
        Envelope<HandoffRequest> request = TestEvents.handoff(TestEvents.emailInbound(CaseServiceStandIn.KNOWN_EMAIL,
                "Refund", "Could I get a refund?", clock.instant()), "needs_human", Intent.BILLING, Emotion.NEUTRAL,
                Urgency.LOW, "en", null);
        broker.publish(Topics.HANDOFF, request);
        String englishTicket = ticketIdOf(request);
        awaitTicket(englishTicket, t -> "agent1".equals(t.getString("ticket.agent")));
        assertThat(agent.request().get("/api/v1/inbox/tickets/" + englishTicket + "/canned-responses").then()
                .statusCode(200).extract().jsonPath().getList("text")).containsExactly("Dear Mr. Chang, this is agent1.");
        problem(agent.request().get("/api/v1/inbox/tickets/no-such-ticket/canned-responses").then(), 404, "not_found");

        // A reply that started from a canned response counts it once it went out.
        double before = used("en", "refund-policy");
        long shown = cannedUsedOnMetricsPage();
        agent.json(Map.of("text", "Dear Mr. Chang, this is agent1.", "cannedResponseId", english))
                .post("/api/v1/inbox/tickets/" + englishTicket + "/reply").then().statusCode(200);
        assertThat(used("en", "refund-policy")).isEqualTo(before + 1);
        // The metrics page counts it too, from the database.
        assertThat(cannedUsedOnMetricsPage()).isEqualTo(shown + 1);
    }

    @Test
    void aReplyWithACannedResponseGoesOutFilled() {
        long id = InboxSession.signIn("supervisor").json(draft("zh-Hant", "hours", "服務時間", "{salutation}您好，服務時間為週一至週五。"))
                .post(PATH).then().statusCode(201).extract().jsonPath().getLong("id");
        String user = CaseServiceStandIn.KNOWN_LINE_USER;
        String ticketId = assignedTicket(user, "agent1");
        InboxSession agent = InboxSession.signIn("agent1");
        String text = agent.request().get("/api/v1/inbox/tickets/" + ticketId + "/canned-responses").then()
                .statusCode(200).extract().jsonPath().getString("[0].text");
        agent.json(Map.of("text", text, "cannedResponseId", id)).post("/api/v1/inbox/tickets/" + ticketId + "/reply")
                .then().statusCode(200);
        OutboundLineMessage sent = broker.await(Topics.OUTBOUND_LINE, TestEvents.lineConversation(user),
                OutboundLineMessage.class, m -> m.texts().contains(text)).payload();
        assertThat(sent.texts()).containsExactly("張先生您好，服務時間為週一至週五。");
        assertThat(sent.texts().get(0)).doesNotContain("{");
    }

    private static long cannedUsedOnMetricsPage() {
        return InboxSession.signIn("supervisor").request().get("/api/v1/inbox/metrics").then().statusCode(200)
                .extract().jsonPath().getLong("cannedResponsesUsed");
    }

    private double used(String language, String shortcut) {
        var counter = registry.find("casedesk.handoff.canned.responses.used").tags("language", language,
                "shortcut", shortcut).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> draft(String language, String shortcut, String title, String body) {
        return Map.of("language", language, "shortcut", shortcut, "title", title, "body", body);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("error", equalTo(code));
    }
}
