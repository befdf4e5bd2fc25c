package io.casedesk.handoff.rest;

import io.casedesk.handoff.service.ConversationLog;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.handoff.support.HandoffTestBase;
import io.casedesk.handoff.support.InboxSession;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Handoff and automation rates from the audit log: on the inbox's metrics page as rates, in Prometheus as the
 * counters PromQL computes them from.
 */
@QuarkusTest
class MetricsIT extends HandoffTestBase {

    private static final List<String> CONVERSATION_COUNTERS = List.of("casedesk.handoff.conversations",
            "casedesk.handoff.conversations.handed.off", "casedesk.handoff.conversations.automated",
            "casedesk.handoff.conversations.automation.reverted");

    @Inject
    MeterRegistry registry;
    @Inject
    HandoffMetrics metrics;
    @Inject
    ConversationLog conversationLog;

    @Test
    void countsConversationsTheBotAnsweredAloneAndThoseHandedToPeople() {
        Map<String, Double> before = counters();
        Instant now = clock.instant();
        String automated = TestEvents.lineConversation(TestEvents.newLineUser("U"));
        String handedOff = TestEvents.lineConversation(TestEvents.newLineUser("U"));
        String unanswered = TestEvents.lineConversation(TestEvents.newLineUser("U"));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(automated, TurnKind.INBOUND, "customer", "營業時間？", now));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(automated, TurnKind.ANSWER, "bot", "週一至週五 09:00–18:00。", now));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(handedOff, TurnKind.INBOUND, "customer", "我要找人", now));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(handedOff, TurnKind.HANDOFF, "system", null, now));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(handedOff, TurnKind.AGENT_REPLY, "agent:agent1", "您好", now));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(unanswered, TurnKind.INBOUND, "customer", "？", now));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from conversation_days") == 3
                && count("select coalesce(sum(agent_replies), 0) from conversation_days") == 1);

        JsonPath metrics = InboxSession.signIn("supervisor").request().get("/api/v1/inbox/metrics")
                .then().statusCode(200).extract().jsonPath();
        assertThat(metrics.getLong("conversations")).isEqualTo(3);
        assertThat(metrics.getLong("handedOff")).isEqualTo(1);
        assertThat(metrics.getLong("automated")).isEqualTo(1);
        assertThat(metrics.getDouble("handoffRate")).isEqualTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(metrics.getDouble("automationRate")).isEqualTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-6));
        // Three customer messages, none a question the bot could not answer.
        assertThat(metrics.getLong("inboundMessages")).isEqualTo(3);
        assertThat(metrics.getDouble("gapRate")).isZero();
        // Prometheus: counters, one increment per conversation day (the rates are computed in PromQL).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(increase(before)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "casedesk.handoff.conversations", 3.0,
                "casedesk.handoff.conversations.handed.off", 1.0,
                "casedesk.handoff.conversations.automated", 1.0,
                "casedesk.handoff.conversations.automation.reverted", 0.0)));
        String exposition = given().get("/q/metrics").then().statusCode(200)
                .body(containsString("casedesk_handoff_conversations_total"))
                .body(containsString("casedesk_handoff_conversations_handed_off_total"))
                .body(containsString("casedesk_handoff_conversations_automated_total"))
                .body(containsString("casedesk_handoff_conversations_automation_reverted_total"))
                .body(containsString("casedesk_handoff_inbound_messages_total"))
                .extract().asString();
        assertThat(exposition).as("no precomputed rate").doesNotContain("casedesk_handoff_rate", "casedesk_handoff_automation_rate");
        assertThat(exposition.lines().filter(line -> line.startsWith("casedesk_handoff")))
                .as("no handoff metric reads NaN").noneMatch(line -> line.contains("NaN"));
    }

    @Test
    void aConversationTheBotAnsweredStopsCountingAsAutomatedWhenAPersonJoins() {
        Map<String, Double> before = counters();
        Instant now = clock.instant();
        String conversation = TestEvents.lineConversation(TestEvents.newLineUser("U"));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.INBOUND, "customer", "費用？", now));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.ANSWER, "bot", "請參考收費標準。", now));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.INBOUND, "customer", "我要找人", now));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.HANDOFF, "system", null, now));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.AGENT_REPLY, "agent:agent1", "您好", now));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(increase(before)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "casedesk.handoff.conversations", 1.0,
                "casedesk.handoff.conversations.handed.off", 1.0,
                "casedesk.handoff.conversations.automated", 1.0,
                "casedesk.handoff.conversations.automation.reverted", 1.0)));
        JsonPath page = InboxSession.signIn("supervisor").request().get("/api/v1/inbox/metrics")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("automated")).as("the page agrees: not automated").isZero();
        assertThat(page.getLong("handedOff")).isEqualTo(1);
    }

    @Test
    void turnsCountedInOneGroupMoveTheCountersAsTheyWouldOneByOne() {
        Map<String, Double> before = counters();
        Instant now = clock.instant();
        String conversation = TestEvents.lineConversation(TestEvents.newLineUser("U"));
        Envelope<ConversationTurn> question = TestEvents.turn(conversation, TurnKind.INBOUND, "customer", "費用？", now);

        // Answered by the bot, then a person joins: automated, and then no longer (as the test above, one group).
        conversationLog.onTurns(List.of(question,
                TestEvents.turn(conversation, TurnKind.ANSWER, "bot", "請參考收費標準。", now),
                TestEvents.turn(conversation, TurnKind.INBOUND, "customer", "我要找人", now),
                question,
                TestEvents.turn(conversation, TurnKind.HANDOFF, "system", null, now),
                TestEvents.turn(conversation, TurnKind.AGENT_REPLY, "agent:agent1", "您好", now)));

        assertThat(increase(before)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "casedesk.handoff.conversations", 1.0,
                "casedesk.handoff.conversations.handed.off", 1.0,
                "casedesk.handoff.conversations.automated", 1.0,
                "casedesk.handoff.conversations.automation.reverted", 1.0));
        assertThat(count("select inbound_turns * 1000 + bot_answers * 100 + handoffs * 10 + agent_replies "
                + "from conversation_days where conversation_id = '" + conversation + "'"))
                .as("the question read twice in the group counts once").isEqualTo(2111);
    }

    @Test
    void ratingsAreASumAndACountForTheAverageInPromql() {
        long count = registry.get("casedesk.handoff.rating").summary().count();
        double sum = registry.get("casedesk.handoff.rating").summary().totalAmount();
        metrics.rated(5);
        metrics.rated(2);
        assertThat(registry.get("casedesk.handoff.rating").summary().count()).isEqualTo(count + 2);
        assertThat(registry.get("casedesk.handoff.rating").summary().totalAmount()).isEqualTo(sum + 7);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("casedesk_handoff_rating_sum"))
                .body(containsString("casedesk_handoff_rating_count"))
                .body(containsString("casedesk_handoff_ratings_total{score=\"5\"}"));
    }

    private Map<String, Double> counters() {
        return CONVERSATION_COUNTERS.stream().collect(Collectors.toMap(Function.identity(), n -> registry.get(n).counter().count()));
    }

    private Map<String, Double> increase(Map<String, Double> before) {
        return counters().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() - before.get(e.getKey())));
    }
}
