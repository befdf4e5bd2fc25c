package io.casedesk.handoff.rest;

import io.casedesk.handoff.support.HandoffTestBase;
import io.casedesk.handoff.support.InboxSession;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** Handoff and automation rates from the audit log, on the inbox's metrics page and in Prometheus. */
@QuarkusTest
class MetricsIT extends HandoffTestBase {

    @Test
    void countsConversationsTheBotAnsweredAloneAndThoseHandedToPeople() {
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
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("casedesk_handoff_rate 0.333"))
                .body(containsString("casedesk_handoff_automation_rate 0.333"));
    }
}
