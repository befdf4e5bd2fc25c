package io.casedesk.handoff.connector;

import io.casedesk.handoff.support.HandoffTestBase;
import io.casedesk.handoff.support.HelpdeskStandIn;
import io.casedesk.handoff.support.HelpdeskTestResource;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.infra.test.CaseServiceStandIn;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.ConversationMode;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The generic webhook connector against a stand-in helpdesk (a real HTTP server): establish, chat and close
 * go out with basic auth and retries; the helpdesk's agent messages and closes come back through CaseDesk's
 * authenticated endpoint and reach the customer on the real broker.
 */
@QuarkusTest
class HelpdeskConnectorIT extends HandoffTestBase {

    private final HelpdeskStandIn helpdesk = HelpdeskTestResource.helpdesk();

    @Test
    void aTicketIsEstablishedChattedAnsweredAndClosedThroughTheHelpdesk() throws Exception {
        String user = CaseServiceStandIn.KNOWN_LINE_USER;
        String conversation = TestEvents.lineConversation(user);
        var inbound = TestEvents.lineInbound(user, "請幫我轉給律師", clock.instant());
        Envelope<HandoffRequest> request = TestEvents.handoff(inbound);
        String ticketId = ticketIdOf(request);
        helpdesk.answerNext(503); // the first establish fails; the connector tries again

        broker.publish(Topics.HANDOFF, request);

        var established = awaitCall("/conversation/establish", ticketId, 2);
        assertThat(established.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (HelpdeskTestResource.USERNAME + ":" + HelpdeskTestResource.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        var body = EventCodec.shared().mapper().readTree(established.body());
        assertThat(body.path("ticket").path("id").asText()).isEqualTo(ticketId);
        assertThat(body.path("conversationId").asText()).isEqualTo(conversation);
        assertThat(body.path("caseSummary").path(0).path("number").asText()).isEqualTo("2026-FAM-0142");
        assertThat(body.path("messages").path(0).path("text").asText()).isEqualTo("請幫我轉給律師");

        broker.publish(Topics.INBOUND, TestEvents.lineInbound(user, "我的案號是 2026-FAM-0142", clock.instant()));
        var chat = awaitCall("/chat", ticketId, 1);
        assertThat(EventCodec.shared().mapper().readTree(chat.body()).path("text").asText()).isEqualTo("我的案號是 2026-FAM-0142");

        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + HelpdeskTestResource.INBOUND_KEY)
                .body(Map.of("ticketId", ticketId, "agent", "hd-alice", "text", "張先生您好，我是林律師。"))
                .post("/api/v1/helpdesk/messages").then().statusCode(202);
        Envelope<OutboundLineMessage> outbound = broker.await(Topics.OUTBOUND_LINE, conversation, OutboundLineMessage.class,
                m -> m.answerKind() == AnswerKind.AGENT && m.texts().contains("張先生您好，我是林律師。"));
        assertThat(outbound.payload().texts()).containsExactly("張先生您好，我是林律師。");
        assertThat(outbound.payload().to()).isEqualTo(user);
        assertThat(broker.await(Topics.CONVERSATION, conversation, ConversationTurn.class,
                t -> t.kind() == TurnKind.AGENT_REPLY && "張先生您好，我是林律師。".equals(t.text())).payload().actor())
                .isEqualTo("agent:hd-alice");

        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + HelpdeskTestResource.INBOUND_KEY)
                .body(Map.of("ticketId", ticketId, "agent", "hd-alice"))
                .post("/api/v1/helpdesk/close").then().statusCode(202);
        assertThat(awaitTicket(ticketId, t -> "closed".equals(t.getString("ticket.state"))).getString("ticket.agent"))
                .isEqualTo("hd-alice");
        var closed = awaitCall("/conversation/close", ticketId, 1);
        assertThat(EventCodec.shared().mapper().readTree(closed.body()).path("reason").asText()).isEqualTo("agent_closed");
        awaitState(request, ConversationMode.HUMAN, "awaiting_rating");
    }

    @Test
    void theHelpdeskCannotAnswerAClosedOrUnknownTicket() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + HelpdeskTestResource.INBOUND_KEY)
                .body(Map.of("ticketId", "no-such-ticket", "agent", "hd-bob", "text", "hello"))
                .post("/api/v1/helpdesk/messages").then().statusCode(404);
    }

    /** The helpdesk's requests to {@code path} for the ticket, once there are {@code count}; the last one. */
    private HelpdeskStandIn.Received awaitCall(String path, String ticketId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> helpdesk.received(path).stream()
                .filter(r -> r.body().contains(ticketId)).count() >= count);
        var calls = helpdesk.received(path).stream().filter(r -> r.body().contains(ticketId)).toList();
        return calls.get(calls.size() - 1);
    }
}
