package io.casedesk.handoff;

import io.casedesk.handoff.lifecycle.CustomerMessages;
import io.casedesk.handoff.service.ConversationLog;
import io.casedesk.handoff.service.DeliveryTracker;
import io.casedesk.handoff.support.HandoffCaseServiceStandIn;
import io.casedesk.handoff.support.HandoffTestBase;
import io.casedesk.handoff.support.InboxSession;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.infra.test.CaseServiceStandIn;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationMode;
import io.casedesk.schema.ConversationState;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.FirmChanged;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TurnKind;
import io.casedesk.schema.Urgency;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Tickets end to end on the real broker and PostgreSQL: handoff requests in, tickets, state, agents' replies on
 * the customer's channel, customer messages, ratings, timeouts, service hours, pause switches, drafts.
 */
@QuarkusTest
class TicketFlowIT extends HandoffTestBase {

    @Inject
    CustomerMessages customerMessages;

    @Inject
    ConversationLog conversationLog;
    @Inject
    DeliveryTracker deliveryTracker;

    @Test
    void aHandoffOpensATicketWithHistoryAndCaseSummaryAndSilencesTheBot() {
        String user = CaseServiceStandIn.KNOWN_LINE_USER;
        String conversation = TestEvents.lineConversation(user);
        Instant now = clock.instant();
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.INBOUND, "customer", "請問開庭日期？", now.minusSeconds(90)));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.ANSWER, "bot", "下次開庭為 2026-12-03。", now.minusSeconds(80)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from recent_turns where conversation_id = '" + conversation + "'") == 2);
        Envelope<InboundMessage> inbound = TestEvents.lineInbound(user, "我要找真人律師", now);
        Envelope<HandoffRequest> request = TestEvents.handoff(inbound);

        broker.publish(Topics.HANDOFF, request);

        Envelope<ConversationState> state = awaitState(request, ConversationMode.HUMAN, "needs_human");
        assertThat(state.payload().agent()).isNull();
        JsonPath ticket = awaitTicket(ticketIdOf(request));
        assertThat(ticket.getString("ticket.state")).isEqualTo("waiting");
        assertThat(ticket.getString("ticket.queue")).isEqualTo("human_request/zh-Hant");
        assertThat(ticket.getString("ticket.customerRef")).isEqualTo("C-1001");
        assertThat(ticket.getString("ticket.customerName")).isEqualTo("張志明");
        assertThat(ticket.getInt("ticket.priority")).isEqualTo(2);
        assertThat(ticket.getString("caseSummaryStatus")).isEqualTo("ok");
        assertThat(ticket.getString("caseSummary[0].number")).isEqualTo("2026-FAM-0142");
        assertThat(ticket.getString("caseSummary[0].nextStep.date")).isEqualTo("2026-12-03");
        assertThat(ticket.getList("history.text")).containsExactly("請問開庭日期？", "下次開庭為 2026-12-03。");
        assertThat(ticket.getList("messages.text")).containsExactly("我要找真人律師");
        assertThat(ticket.getList("triageReasons")).containsExactly("needs_human:test");
        Envelope<ConversationTurn> turn = broker.await(Topics.CONVERSATION, conversation, ConversationTurn.class,
                t -> t.kind() == TurnKind.HANDOFF);
        assertThat(turn.eventId()).isEqualTo(EventIds.derive(request.eventId(), "handoff-turn"));
        assertThat(turn.payload().detail()).isEqualTo("needs_human");
    }

    @Test
    void aRedeliveredHandoffIsTakenOnceAndALaterOneJoinsTheOpenTicket() {
        String user = TestEvents.newLineUser("U");
        String conversation = TestEvents.lineConversation(user);
        Envelope<HandoffRequest> first = TestEvents.handoff(TestEvents.lineInbound(user, "第一則", clock.instant()));
        Envelope<HandoffRequest> second = TestEvents.handoff(TestEvents.lineInbound(user, "第二則", clock.instant()));

        broker.publish(Topics.HANDOFF, first);
        broker.publish(Topics.HANDOFF, first);
        broker.publish(Topics.HANDOFF, second);

        JsonPath ticket = awaitTicket(ticketIdOf(first), t -> t.getList("messages").size() == 2);
        assertThat(ticket.getList("messages.text")).containsExactly("第一則", "第二則");
        assertThat(count("select count(*) from tickets where conversation_id = '" + conversation + "'")).isEqualTo(1);
        List<Envelope<EventPayload>> handoffTurns = broker.events(Topics.CONVERSATION, conversation,
                read -> read.size() >= 2).stream()
                .filter(e -> e.payload() instanceof ConversationTurn t && t.kind() == TurnKind.HANDOFF).toList();
        assertThat(handoffTurns).extracting(Envelope::eventId).containsExactlyInAnyOrder(
                EventIds.derive(first.eventId(), "handoff-turn"), EventIds.derive(second.eventId(), "handoff-turn"));
        assertThat(broker.snapshot(Topics.CONVERSATION_STATE, conversation)).hasSize(1);
    }

    @Test
    void aReplayedHandoffOpensNoTicket() {
        String user = TestEvents.newLineUser("Ureplay");
        Envelope<HandoffRequest> original = TestEvents.handoff(TestEvents.lineInbound(user, "我要找真人", clock.instant()));
        Envelope<HandoffRequest> replayed = new Envelope<>(original.eventId(), original.type(), original.schemaVersion(),
                original.occurredAt(), original.conversationId(), original.causationId(), original.traceparent(), true,
                original.payload());
        Envelope<HandoffRequest> later = TestEvents.handoff(TestEvents.lineInbound(user, "還在嗎？", clock.instant()));

        broker.publish(Topics.HANDOFF, replayed);
        broker.publish(Topics.HANDOFF, later);

        // Had the replayed request opened a ticket, the later one would have joined it instead of opening its own.
        awaitTicket(ticketIdOf(later));
    }

    @Test
    void aCaseServiceFailureDoesNotLoseTheTicket() {
        String user = TestEvents.newLineUser(HandoffCaseServiceStandIn.FAILING_PREFIX);
        Envelope<HandoffRequest> request = TestEvents.handoff(TestEvents.lineInbound(user, "人呢？", clock.instant()));

        broker.publish(Topics.HANDOFF, request);

        JsonPath ticket = awaitTicket(ticketIdOf(request));
        assertThat(ticket.getString("caseSummaryStatus")).isEqualTo("unavailable");
        assertThat(ticket.getList("caseSummary")).isEmpty();
        awaitState(request, ConversationMode.HUMAN, "needs_human");
    }

    @Test
    void vipAndAngryCustomersGoFirstAndASupervisorIsNotified() {
        Envelope<HandoffRequest> normal = TestEvents.handoff(
                TestEvents.lineInbound(TestEvents.newLineUser("U"), "請幫我轉人工", clock.instant()));
        Envelope<HandoffRequest> angry = TestEvents.handoff(
                TestEvents.lineInbound(TestEvents.newLineUser("U"), "你們太不專業了！", clock.instant()),
                "needs_human", Intent.COMPLAINT, Emotion.ANGRY, Urgency.MEDIUM, "zh-Hant", null);
        Envelope<HandoffRequest> vip = TestEvents.handoff(
                TestEvents.lineInbound(HandoffCaseServiceStandIn.VIP_LINE_USER, "麻煩請律師回電", clock.instant()));

        broker.publish(Topics.HANDOFF, normal);
        broker.publish(Topics.HANDOFF, angry);
        broker.publish(Topics.HANDOFF, vip);
        awaitTicket(ticketIdOf(vip));
        awaitTicket(ticketIdOf(angry));
        awaitTicket(ticketIdOf(normal));

        List<Map<String, Object>> queue = InboxSession.signIn("agent1").request().get("/api/v1/inbox/tickets")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(queue).extracting(t -> t.get("id")).containsExactly(ticketIdOf(vip), ticketIdOf(angry), ticketIdOf(normal));
        assertThat(queue).extracting(t -> t.get("supervisorNotified")).containsExactly(true, true, false);
        assertThat(queue.get(0).get("vip")).isEqualTo(true);
    }

    @Test
    void theAgentsReplyGoesToTheCustomersLineChatAndItsDeliveryIsShown() {
        String user = TestEvents.newLineUser("U");
        String conversation = TestEvents.lineConversation(user);
        String ticketId = assignedTicket(user, "agent1");
        assertThat(awaitState(conversation, ConversationMode.HUMAN, "assigned").payload().agent()).isEqualTo("agent1");

        InboxSession.signIn("agent1").json(Map.of("text", "張先生您好，我是林律師的助理，請問需要什麼協助？"))
                .post("/api/v1/inbox/tickets/" + ticketId + "/reply")
                .then().statusCode(200).body("ticket.state", equalTo("active"));

        Envelope<OutboundLineMessage> outbound = broker.await(Topics.OUTBOUND_LINE, conversation, OutboundLineMessage.class,
                m -> m.answerKind() == AnswerKind.AGENT);
        assertThat(outbound.payload().texts()).containsExactly("張先生您好，我是林律師的助理，請問需要什麼協助？");
        // The agent's answer continues the handed-off message's trace.
        assertThat(TraceContext.traceIdOf(outbound.traceparent())).isPresent()
                .isEqualTo(TraceContext.traceIdOf(awaitState(conversation, ConversationMode.HUMAN, "assigned").traceparent()));
        assertThat(outbound.payload().to()).isEqualTo(user);
        assertThat(outbound.payload().destination()).isEqualTo(TestEvents.BOT);
        assertThat(outbound.payload().replyToken()).isNull();
        int seq = awaitTicket(ticketId).getInt("messages[1].seq");
        assertThat(outbound.eventId()).isEqualTo(EventIds.derive(ticketId, "message-" + seq));
        Envelope<ConversationTurn> turn = broker.await(Topics.CONVERSATION, conversation, ConversationTurn.class,
                t -> t.kind() == TurnKind.AGENT_REPLY);
        assertThat(turn.payload().actor()).isEqualTo("agent:agent1");

        broker.publish(Topics.DELIVERY, Envelope.of(EventIds.derive(outbound.eventId(), "delivery"), clock.instant(),
                conversation, outbound.eventId(), null,
                new DeliveryReport(Channel.LINE, outbound.eventId(), DeliveryStatus.SENT, "push", null)));
        JsonPath ticket = awaitTicket(ticketId, t -> "sent".equals(t.getString("messages[1].deliveryStatus")));
        assertThat(ticket.getString("messages[1].author")).isEqualTo("agent:agent1");

        // In one group with a report on another service's message, a late "skipped" does not undo the delivery.
        deliveryTracker.onReports(List.of(
                new DeliveryReport(Channel.LINE, "bot-answer-" + seq, DeliveryStatus.SENT, "reply", null),
                new DeliveryReport(Channel.LINE, outbound.eventId(), DeliveryStatus.SKIPPED, null, "already sent")));
        assertThat(awaitTicket(ticketId).getString("messages[1].deliveryStatus")).isEqualTo("sent");
    }

    @Test
    void anotherAgentCannotAnswerATicketThatIsNotTheirs() {
        String ticketId = assignedTicket(TestEvents.newLineUser("U"), "agent1");

        InboxSession.signIn("agent2").json(Map.of("text", "hello")).post("/api/v1/inbox/tickets/" + ticketId + "/reply")
                .then().statusCode(409).body("error", equalTo("assigned_to_other"));
        InboxSession.signIn("agent1").json(Map.of("text", "  ")).post("/api/v1/inbox/tickets/" + ticketId + "/reply")
                .then().statusCode(400).body("error", equalTo("empty_text"));
        InboxSession.signIn("supervisor").request().post("/api/v1/inbox/tickets/" + ticketId + "/take")
                .then().statusCode(200).body("ticket.agent", equalTo("supervisor"));
    }

    @Test
    void anEmailTicketIsAnsweredInTheCustomersThread() {
        Envelope<InboundMessage> inbound = TestEvents.emailInbound(CaseServiceStandIn.KNOWN_EMAIL, "案件進度",
                "請律師直接回覆我", clock.instant());
        Envelope<HandoffRequest> request = TestEvents.handoff(inbound);
        broker.publish(Topics.HANDOFF, request);
        String ticketId = ticketIdOf(request);
        assertThat(awaitTicket(ticketId).getString("caseSummary[0].number")).isEqualTo("2026-FAM-0142");

        InboxSession.signIn("agent2").json(Map.of("text", "張先生您好，林律師明天上午會回電。"))
                .post("/api/v1/inbox/tickets/" + ticketId + "/reply").then().statusCode(200);

        Envelope<OutboundEmailMessage> email = broker.await(Topics.OUTBOUND_EMAIL, inbound.conversationId(),
                OutboundEmailMessage.class, m -> m.answerKind() == AnswerKind.AGENT);
        String messageId = inbound.payload().email().messageId();
        assertThat(email.payload().to()).isEqualTo(CaseServiceStandIn.KNOWN_EMAIL);
        assertThat(email.payload().mailbox()).isEqualTo(TestEvents.MAILBOX);
        assertThat(email.payload().subject()).isEqualTo("Re: 案件進度");
        assertThat(email.payload().inReplyTo()).isEqualTo(messageId);
        assertThat(email.payload().references()).containsExactly("<first@example.com>", messageId);
        assertThat(email.payload().text()).isEqualTo("張先生您好，林律師明天上午會回電。");
        assertThat(email.payload().inReplyToEventId()).isEqualTo(inbound.eventId());
    }

    @Test
    void theCustomersNextMessagesJoinTheOpenTicketLive() {
        String user = TestEvents.newLineUser("U");
        Envelope<InboundMessage> first = TestEvents.lineInbound(user, "我要找人", clock.instant());
        String ticketId = ticketFor(first);

        // The handoff's own message arrives on cs.inbound.v1 too: it is not added twice.
        broker.publish(Topics.INBOUND, first);
        Envelope<InboundMessage> next = TestEvents.lineInbound(user, "補充：我的案號是 2026-FAM-0142", clock.instant());
        broker.publish(Topics.INBOUND, next);
        broker.publish(Topics.INBOUND, next);

        JsonPath ticket = awaitTicket(ticketId, t -> t.getList("messages").size() >= 2);
        assertThat(ticket.getList("messages.text")).containsExactly("我要找人", "補充：我的案號是 2026-FAM-0142");
        // A message that joined a ticket is recorded as handled, so its redelivery adds nothing.
        assertThat(count("select count(*) from processed_events where event_id = '" + next.eventId() + "'")).isOne();
    }

    @Test
    void messagesReadTogetherJoinOnlyTheirOwnTicketsInOrder() {
        String user = TestEvents.newLineUser("U");
        String ticketId = ticketFor(TestEvents.lineInbound(user, "請幫我轉真人", clock.instant()));

        // The ticket's messages among others' in one burst: they are screened together, most of them by one query.
        List<Envelope<InboundMessage>> others = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            for (int j = 0; j < 5; j++) {
                Envelope<InboundMessage> other = TestEvents.lineInbound(TestEvents.newLineUser("U"), "別人的問題 " + j,
                        clock.instant());
                others.add(other);
                broker.publish(Topics.INBOUND, other);
            }
            broker.publish(Topics.INBOUND, TestEvents.lineInbound(user, "補充 " + i, clock.instant()));
        }

        JsonPath ticket = awaitTicket(ticketId, t -> t.getList("messages").size() >= 4);
        assertThat(ticket.getList("messages.text")).containsExactly("請幫我轉真人", "補充 1", "補充 2", "補充 3");
        String otherIds = others.stream().map(o -> "'" + o.eventId() + "'")
                .collect(java.util.stream.Collectors.joining(","));
        assertThat(count("select count(*) from processed_events where event_id in (" + otherIds + ")")).isZero();
    }

    @Test
    void aMessageOfAConversationWithoutATicketIsNotRecorded() {
        // Most messages are the bot's to answer: handoff has nothing to do for them and writes nothing.
        Envelope<InboundMessage> toTheBot = TestEvents.lineInbound(TestEvents.newLineUser("U"), "請問下次開庭是什麼時候？",
                clock.instant());
        customerMessages.onInbound(toTheBot);
        assertThat(count("select count(*) from processed_events where event_id = '" + toTheBot.eventId() + "'")).isZero();
        assertThat(count("select count(*) from tickets where conversation_id = '" + toTheBot.conversationId() + "'"))
                .isZero();
    }

    @Test
    void eachConversationKeepsItsLastTurnsWhenAGroupOfTurnsAddsToSeveral() {
        Instant start = clock.instant().minusSeconds(600);
        List<String> conversations = List.of(TestEvents.lineConversation(TestEvents.newLineUser("U")),
                TestEvents.lineConversation(TestEvents.newLineUser("U")));
        List<Envelope<ConversationTurn>> turns = new java.util.ArrayList<>();
        for (int i = 0; i < 13; i++) {
            for (String conversation : conversations) {
                turns.add(TestEvents.turn(conversation, i % 2 == 0 ? TurnKind.INBOUND : TurnKind.ANSWER,
                        i % 2 == 0 ? "customer" : "bot", "turn " + i, start.plusSeconds(i)));
            }
        }

        conversationLog.onTurns(turns);

        for (String conversation : conversations) {
            assertThat(texts("select text from recent_turns where conversation_id = '" + conversation + "' order by at"))
                    .containsExactly("turn 3", "turn 4", "turn 5", "turn 6", "turn 7", "turn 8", "turn 9", "turn 10",
                            "turn 11", "turn 12");
        }
    }

    @Test
    void aDeliveryTurnChangesNothingAndIsNotRecorded() {
        String conversation = TestEvents.lineConversation(TestEvents.newLineUser("U"));
        Instant now = clock.instant();
        Envelope<ConversationTurn> delivery = TestEvents.turn(conversation, TurnKind.DELIVERY, "system", null, "sent:reply",
                now.minusSeconds(2));
        Envelope<ConversationTurn> next = TestEvents.turn(conversation, TurnKind.INBOUND, "customer", "謝謝", now);

        broker.publish(Topics.CONVERSATION, delivery);
        broker.publish(Topics.CONVERSATION, next);

        // In order on the conversation's partition: once the next turn is kept, the delivery was read.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from recent_turns where event_id = '" + next.eventId() + "'") == 1);
        assertThat(count("select count(*) from processed_events where event_id = '" + delivery.eventId() + "'")).isZero();
        assertThat(count("select count(*) from processed_events where event_id = '" + next.eventId() + "'")).isOne();
    }

    @Test
    void closingAsksForARatingWhichIsKeptAndCountedThenTheBotAnswersAgain() {
        String user = TestEvents.newLineUser("U");
        String conversation = TestEvents.lineConversation(user);
        String ticketId = assignedTicket(user, "agent1");
        InboxSession agent = reply("agent1", ticketId, "已為您處理完畢。");

        agent.request().post("/api/v1/inbox/tickets/" + ticketId + "/close")
                .then().statusCode(200).body("ticket.state", equalTo("closed"));

        Envelope<OutboundLineMessage> question = broker.await(Topics.OUTBOUND_LINE, conversation, OutboundLineMessage.class,
                m -> m.answerKind() == AnswerKind.SYSTEM && m.texts().get(0).contains("1 到 5"));
        assertThat(question.payload().to()).isEqualTo(user);
        awaitState(conversation, ConversationMode.HUMAN, "awaiting_rating");

        broker.publish(Topics.INBOUND, TestEvents.lineInbound(user, "５分", clock.instant()));

        JsonPath ticket = awaitTicket(ticketId, t -> t.get("ticket.rating") != null);
        assertThat(ticket.getInt("ticket.rating")).isEqualTo(5);
        awaitState(conversation, ConversationMode.BOT, "rated");
        broker.await(Topics.OUTBOUND_LINE, conversation, OutboundLineMessage.class, m -> m.texts().get(0).contains("謝謝您的評分"));
        JsonPath metrics = agent.request().get("/api/v1/inbox/metrics").then().statusCode(200).extract().jsonPath();
        assertThat(metrics.getLong("ratings")).isEqualTo(1);
        assertThat(metrics.getDouble("csatAverage")).isEqualTo(5.0);
        assertThat(metrics.getLong("ratingCounts.5")).isEqualTo(1);
        assertThat(metrics.getDouble("avgFirstResponseSeconds")).isNotNull();
    }

    @Test
    void theRatingQuestionExpiresAndTheBotAnswersAgain() {
        String user = TestEvents.newLineUser("U");
        String conversation = TestEvents.lineConversation(user);
        String ticketId = assignedTicket(user, "agent1");
        InboxSession agent = reply("agent1", ticketId, "好的。");
        agent.request().post("/api/v1/inbox/tickets/" + ticketId + "/close").then().statusCode(200);
        awaitState(conversation, ConversationMode.HUMAN, "awaiting_rating");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        awaitState(conversation, ConversationMode.BOT, "rating_timeout");
        // Too late: a rating now is an ordinary message.
        broker.publish(Topics.INBOUND, TestEvents.lineInbound(user, "5", clock.instant()));
        assertThat((Object) awaitTicket(ticketId).get("ticket.rating")).isNull();
    }

    @Test
    void aNewRequestWhileTheRatingQuestionIsOpenKeepsTheConversationWithPeople() {
        String user = TestEvents.newLineUser("U");
        String conversation = TestEvents.lineConversation(user);
        String first = assignedTicket(user, "agent1");
        InboxSession agent = reply("agent1", first, "好的。");
        agent.request().post("/api/v1/inbox/tickets/" + first + "/close").then().statusCode(200);
        awaitState(conversation, ConversationMode.HUMAN, "awaiting_rating");
        Envelope<HandoffRequest> again = TestEvents.handoff(TestEvents.lineInbound(user, "還有一個問題", clock.instant()));

        broker.publish(Topics.HANDOFF, again);
        awaitTicket(ticketIdOf(again));
        clock.advance(Duration.ofMinutes(11));
        sleepTicks();

        assertThat(broker.snapshot(Topics.CONVERSATION_STATE, conversation))
                .noneMatch(e -> ((ConversationState) e.payload()).mode() == ConversationMode.BOT);
        assertThat(awaitTicket(ticketIdOf(again)).getString("ticket.state")).isNotEqualTo("closed");
    }

    @Test
    void aCustomerWaitingSixtySecondsIsToldTheyMayKeepWaiting() {
        String user = TestEvents.newLineUser("U");
        String conversation = TestEvents.lineConversation(user);
        Envelope<HandoffRequest> request = TestEvents.handoff(TestEvents.lineInbound(user, "請問有人嗎", clock.instant()));
        broker.publish(Topics.HANDOFF, request);
        String ticketId = ticketIdOf(request);
        awaitTicket(ticketId);

        clock.advance(Duration.ofSeconds(61));

        Envelope<OutboundLineMessage> notice = broker.await(Topics.OUTBOUND_LINE, conversation, OutboundLineMessage.class,
                m -> m.answerKind() == AnswerKind.SYSTEM);
        assertThat(notice.payload().texts().get(0)).contains("請您稍候");
        JsonPath ticket = awaitTicket(ticketId, t -> t.getBoolean("ticket.waitingNoticeSent"));
        assertThat(ticket.getString("ticket.state")).isEqualTo("waiting");
        // Told once only.
        clock.advance(Duration.ofSeconds(61));
        online("agent1");
        awaitTicket(ticketId, t -> "assigned".equals(t.getString("ticket.state")));
        assertThat(broker.snapshot(Topics.OUTBOUND_LINE, conversation).stream()
                .filter(e -> ((OutboundLineMessage) e.payload()).answerKind() == AnswerKind.SYSTEM)).hasSize(1);
    }

    @Test
    void threeMinutesWithoutAnAnswerToTheAgentHandTheConversationBackToTheBot() {
        String user = TestEvents.newLineUser("U");
        String conversation = TestEvents.lineConversation(user);
        String ticketId = assignedTicket(user, "agent1");
        reply("agent1", ticketId, "請問還需要什麼協助嗎？");

        clock.advance(Duration.ofSeconds(179));
        clock.advance(Duration.ofSeconds(2));

        awaitState(conversation, ConversationMode.BOT, "inactivity");
        JsonPath ticket = awaitTicket(ticketId, t -> "closed".equals(t.getString("ticket.state")));
        assertThat(ticket.getString("ticket.closeReason")).isEqualTo("inactivity");
    }

    @Test
    void outOfHoursTheCustomerGetsTheFirmsTextAndTheTicketWaitsForTheNextWindow() {
        // Saturday 10:00 in Taipei.
        clock.jumpTo(Instant.parse("2026-11-28T02:00:00Z"));
        online("agent1");
        String user = TestEvents.newLineUser("U");
        String conversation = TestEvents.lineConversation(user);
        Envelope<HandoffRequest> request = TestEvents.handoff(TestEvents.lineInbound(user, "週末有人嗎", clock.instant()));

        broker.publish(Topics.HANDOFF, request);

        Envelope<OutboundLineMessage> text = broker.await(Topics.OUTBOUND_LINE, conversation, OutboundLineMessage.class,
                m -> m.answerKind() == AnswerKind.SYSTEM);
        assertThat(text.payload().texts()).containsExactly("目前為非服務時間，我們將於下個服務時段回覆。");
        JsonPath ticket = awaitTicket(ticketIdOf(request));
        assertThat(ticket.getBoolean("ticket.outOfHours")).isTrue();
        // The wait starts Monday 09:00 in Taipei; until then nobody is assigned and nobody is told to hold on.
        assertThat(ticket.getString("ticket.waitStartedAt")).isEqualTo("2026-11-30T01:00:00Z");
        clock.advance(Duration.ofMinutes(5));
        sleepTicks();
        assertThat(awaitTicket(ticketIdOf(request)).getString("ticket.state")).isEqualTo("waiting");

        clock.jumpTo(Instant.parse("2026-11-30T01:00:05Z"));

        awaitTicket(ticketIdOf(request), t -> "agent1".equals(t.getString("ticket.agent")));
    }

    @Test
    void anotherFirmsOutOfHoursTextIsUsedAsSoonAsItsImportIsAnnounced() {
        clock.jumpTo(Instant.parse("2026-11-28T02:00:00Z"));
        String before = HandoffCaseServiceStandIn.outOfHoursTextZhHant;
        try {
            String first = TestEvents.newLineUser("U");
            broker.publish(Topics.HANDOFF, TestEvents.handoff(TestEvents.lineInbound(first, "週末有人嗎", clock.instant())));
            assertThat(broker.await(Topics.OUTBOUND_LINE, TestEvents.lineConversation(first), OutboundLineMessage.class,
                    m -> m.answerKind() == AnswerKind.SYSTEM).payload().texts()).containsExactly(before);

            HandoffCaseServiceStandIn.outOfHoursTextZhHant = "南港法律事務所週末休息，週一上午八點半起回覆您。";
            broker.publish(Topics.FIRM, Envelope.of(EventIds.derive("firm", "test-import"), clock.instant(),
                    Topics.FIRM_KEY, null, null, new FirmChanged(true, true, 2)));

            // Within the cache's refresh interval (minutes), only the announcement can make the new text appear.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String next = TestEvents.newLineUser("U");
                broker.publish(Topics.HANDOFF, TestEvents.handoff(TestEvents.lineInbound(next, "週末有人嗎", clock.instant())));
                assertThat(broker.await(Topics.OUTBOUND_LINE, TestEvents.lineConversation(next), OutboundLineMessage.class,
                        m -> m.answerKind() == AnswerKind.SYSTEM).payload().texts())
                        .containsExactly("南港法律事務所週末休息，週一上午八點半起回覆您。");
            });
        } finally {
            HandoffCaseServiceStandIn.outOfHoursTextZhHant = before;
            broker.publish(Topics.FIRM, Envelope.of(EventIds.derive("firm", "test-restore"), clock.instant(),
                    Topics.FIRM_KEY, null, null, new FirmChanged(true, false, 0)));
        }
    }

    @Test
    void theLunchBreakBetweenMergedWindowsIsClosed() {
        // 12:30 in Taipei, between 09:00-12:00 and 13:00-18:00 (merged from four windows).
        clock.jumpTo(Instant.parse("2026-11-23T04:30:00Z"));
        String user = TestEvents.newLineUser("U");
        Envelope<HandoffRequest> request = TestEvents.handoff(TestEvents.lineInbound(user, "午休有人嗎", clock.instant()));

        broker.publish(Topics.HANDOFF, request);

        assertThat(awaitTicket(ticketIdOf(request)).getString("ticket.waitStartedAt")).isEqualTo("2026-11-23T05:00:00Z");
    }

    @Test
    void agentsPauseTheBotPerConversationAndSupervisorsForEveryone() {
        String user = TestEvents.newLineUser("U");
        String conversation = TestEvents.lineConversation(user);
        String ticketId = assignedTicket(user, "agent1");
        InboxSession agent = InboxSession.signIn("agent1");

        agent.request().post("/api/v1/inbox/tickets/" + ticketId + "/pause").then().statusCode(200).body("botPaused", equalTo(true));
        awaitState(conversation, ConversationMode.HUMAN, "paused");
        agent.request().post("/api/v1/inbox/tickets/" + ticketId + "/resume").then().statusCode(409).body("error", equalTo("ticket_open"));
        // Closed without an answer to the customer: no rating question, and the bot stays paused.
        agent.request().post("/api/v1/inbox/tickets/" + ticketId + "/close").then().statusCode(200);
        List<Envelope<EventPayload>> states = broker.events(Topics.CONVERSATION_STATE, conversation, read -> read.size() >= 4);
        ConversationState last = (ConversationState) states.get(states.size() - 1).payload();
        assertThat(last.mode()).isEqualTo(ConversationMode.HUMAN);
        assertThat(last.reason()).isEqualTo("paused");
        agent.request().post("/api/v1/inbox/tickets/" + ticketId + "/resume").then().statusCode(200).body("botPaused", equalTo(false));
        awaitState(conversation, ConversationMode.BOT, "resumed");

        agent.request().post("/api/v1/inbox/bot/pause").then().statusCode(403);
        InboxSession supervisor = InboxSession.signIn("supervisor");
        supervisor.request().post("/api/v1/inbox/bot/pause").then().statusCode(200).body("botPaused", equalTo(true));
        assertThat(awaitState("*", ConversationMode.HUMAN, "paused").payload().agent()).isEqualTo("supervisor");
        supervisor.request().post("/api/v1/inbox/bot/resume").then().statusCode(200).body("botPaused", equalTo(false));
        awaitState("*", ConversationMode.BOT, "resumed");
    }

    @Test
    void theRespondersDraftIsApprovedEditedOrRejected() {
        online("agent1");
        String draft = "張先生您好，您的案件下次開庭為 2026-12-03。";
        Envelope<HandoffRequest> approved = draftHandoff(draft);
        Envelope<HandoffRequest> edited = draftHandoff(draft);
        Envelope<HandoffRequest> rejected = draftHandoff(draft);
        InboxSession agent = InboxSession.signIn("agent1");
        for (Envelope<HandoffRequest> request : List.of(approved, edited, rejected)) {
            broker.publish(Topics.HANDOFF, request);
            assertThat(awaitTicket(ticketIdOf(request)).getString("draftState")).isEqualTo("pending");
        }

        agent.request().post("/api/v1/inbox/tickets/" + ticketIdOf(approved) + "/draft/approve")
                .then().statusCode(200).body("draftState", equalTo("approved"));
        agent.json(Map.of("text", draft + "（開庭地點：臺北地院）"))
                .post("/api/v1/inbox/tickets/" + ticketIdOf(edited) + "/draft/edit")
                .then().statusCode(200).body("draftState", equalTo("edited"));
        agent.request().post("/api/v1/inbox/tickets/" + ticketIdOf(rejected) + "/draft/reject")
                .then().statusCode(200).body("draftState", equalTo("rejected"));
        agent.request().post("/api/v1/inbox/tickets/" + ticketIdOf(rejected) + "/draft/approve")
                .then().statusCode(409).body("error", equalTo("no_pending_draft"));

        assertThat(broker.await(Topics.OUTBOUND_LINE, approved.conversationId(), OutboundLineMessage.class,
                m -> m.answerKind() == AnswerKind.APPROVED_DRAFT).payload().texts()).containsExactly(draft);
        assertThat(broker.await(Topics.OUTBOUND_LINE, edited.conversationId(), OutboundLineMessage.class,
                m -> m.answerKind() == AnswerKind.APPROVED_DRAFT).payload().texts()).containsExactly(draft + "（開庭地點：臺北地院）");
        assertThat(broker.snapshot(Topics.OUTBOUND_LINE, rejected.conversationId())).isEmpty();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        Envelope<HandoffRequest> next = TestEvents.handoff(TestEvents.lineInbound(TestEvents.newLineUser("U"), "下一則", clock.instant()));
        String garbage = "not an event " + java.util.UUID.randomUUID();

        broker.sendRaw(Topics.HANDOFF, next.conversationId(), garbage);
        broker.publish(Topics.HANDOFF, next);

        awaitTicket(ticketIdOf(next));
        var parked = broker.raw(Topics.dlq(Topics.HANDOFF), read -> read.stream().anyMatch(r -> garbage.equals(r.value())));
        assertThat(parked).filteredOn(r -> garbage.equals(r.value())).singleElement()
                .satisfies(r -> assertThat(new String(r.headers().lastHeader("dead-letter-reason").value()))
                        .startsWith("Record is not JSON"));
    }

    /** Hands {@code first}'s conversation to a person and waits for the ticket; its id. */
    private String ticketFor(Envelope<InboundMessage> first) {
        Envelope<HandoffRequest> request = TestEvents.handoff(first);
        broker.publish(Topics.HANDOFF, request);
        String ticketId = ticketIdOf(request);
        awaitTicket(ticketId);
        return ticketId;
    }

    private Envelope<HandoffRequest> draftHandoff(String draft) {
        return TestEvents.handoff(TestEvents.lineInbound(TestEvents.newLineUser("U"), "下次開庭是什麼時候？", clock.instant()),
                "draft", Intent.CASE_STATUS, Emotion.NEUTRAL, Urgency.LOW, "zh-Hant", draft);
    }

    /** Lets the once-a-second checks run a few times. */
    private static void sleepTicks() {
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
