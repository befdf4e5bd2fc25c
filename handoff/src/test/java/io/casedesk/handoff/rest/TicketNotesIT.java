package io.casedesk.handoff.rest;

import io.casedesk.handoff.support.HandoffTestBase;
import io.casedesk.handoff.support.InboxSession;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Private notes on a ticket: kept with the ticket for the firm's people, never sent to the customer. */
@QuarkusTest
class TicketNotesIT extends HandoffTestBase {

    @Inject
    MeterRegistry registry;

    @Test
    void aNoteIsInTheTicketButNeverLeavesAsAMessage() {
        String user = TestEvents.newLineUser("U");
        String conversation = TestEvents.lineConversation(user);
        String ticketId = assignedTicket(user, "agent1");
        double notesBefore = registry.get("casedesk.handoff.notes").counter().count();
        String note = "客戶上次提到另有一筆保全程序，回覆前先查 2026-FAM-0142 的卷宗。";

        JsonPath ticket = InboxSession.signIn("agent1").json(Map.of("text", note))
                .post("/api/v1/inbox/tickets/" + ticketId + "/notes").then().statusCode(200).extract().jsonPath();
        assertThat(ticket.getList("notes.text")).containsExactly(note);
        assertThat(ticket.getList("notes.author")).containsExactly("agent1");
        assertThat(ticket.getString("notes[0].at")).isNotBlank();
        assertThat(ticket.getList("messages.text")).doesNotContain(note);
        // A supervisor notes too, and sees both.
        InboxSession.signIn("supervisor").json(Map.of("text", "已確認，可以回覆。"))
                .post("/api/v1/inbox/tickets/" + ticketId + "/notes").then().statusCode(200)
                .body("notes.author", equalTo(List.of("agent1", "supervisor")));

        // An answer after the note goes out; the note, written before it, never does.
        String answer = "您好，我們已收到您的問題。";
        reply("agent1", ticketId, answer);
        broker.await(Topics.OUTBOUND_LINE, conversation, OutboundLineMessage.class, m -> m.texts().contains(answer));
        broker.await(Topics.CONVERSATION, conversation, ConversationTurn.class, t -> answer.equals(t.text()));
        for (String topic : List.of(Topics.OUTBOUND_LINE, Topics.CONVERSATION, Topics.CONVERSATION_STATE)) {
            assertThat(broker.snapshot(topic, conversation)).as(topic).extracting(Envelope::payload)
                    .map(EventPayload::toString).noneMatch(p -> p.contains("保全程序") || p.contains("已確認"));
        }
        assertThat(awaitTicket(ticketId).getList("messages.text")).containsExactly("我要找人", answer);
        assertThat(registry.get("casedesk.handoff.notes").counter().count()).isEqualTo(notesBefore + 2);
        given().get("/q/metrics").then().statusCode(200).body(containsString("casedesk_handoff_notes_total"));
        assertThat(InboxSession.signIn("supervisor").request().get("/api/v1/inbox/metrics").then().statusCode(200)
                .extract().jsonPath().getLong("notes")).isEqualTo(2);
    }

    @Test
    void anEmptyOrTooLongNoteIsAProblem() {
        String ticketId = assignedTicket(TestEvents.newLineUser("U"), "agent1");
        InboxSession agent = InboxSession.signIn("agent1");
        agent.json(Map.of("text", "  ")).post("/api/v1/inbox/tickets/" + ticketId + "/notes").then()
                .statusCode(400).contentType("application/problem+json")
                .body("error", equalTo("empty_text")).body("detail", equalTo("The note is empty"));
        agent.json(Map.of("text", "備".repeat(2001))).post("/api/v1/inbox/tickets/" + ticketId + "/notes").then()
                .statusCode(400).contentType("application/problem+json")
                .body("error", equalTo("text_too_long"))
                .body("detail", equalTo("The note is longer than 2000 characters"));
        agent.json(Map.of("text", "備".repeat(2000))).post("/api/v1/inbox/tickets/" + ticketId + "/notes").then()
                .statusCode(200);
        agent.json(Map.of("text", "note")).post("/api/v1/inbox/tickets/no-such-ticket/notes").then()
                .statusCode(404).body("error", equalTo("not_found"));
        assertThat(count("select count(*) from ticket_notes")).isEqualTo(1);
    }
}
