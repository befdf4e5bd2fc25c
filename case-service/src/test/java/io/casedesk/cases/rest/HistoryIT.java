package io.casedesk.cases.rest;

import io.casedesk.cases.Database;
import io.casedesk.cases.DemoBundle;
import io.casedesk.cases.service.BundleImporter;
import io.casedesk.cases.service.ConversationHistory;
import io.casedesk.cases.service.HistoryRetention;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.casedesk.cases.ApiClient.asOperator;
import static io.casedesk.cases.ApiClient.asResponder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Conversation history per conversation, and its retention (the test profile keeps 30 days). */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryIT {

    @Inject
    BundleImporter importer;

    @Inject
    ConversationHistory conversationHistory;

    @Inject
    HistoryRetention retention;

    @Inject
    DataSource dataSource;

    private Database database;

    @BeforeAll
    void setUp() {
        importer.importBundle(DemoBundle.tree());
        database = new Database(dataSource);
    }

    @Test
    void pagesOneConversationNewestFirst() {
        String conversation = newConversation();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        for (int i = 0; i < 5; i++) {
            record(conversation, "turn " + i, start.plusSeconds(i));
        }
        record(newConversation(), "another conversation", start);

        asResponder().queryParam("page", 0).queryParam("size", 2)
                .get("/api/v1/conversations/{id}/turns", conversation).then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", equalTo(5))
                .body("items.text", contains("turn 4", "turn 3"))
                .body("items[0].conversationId", equalTo(conversation));
        asResponder().queryParam("page", 2).queryParam("size", 2)
                .get("/api/v1/conversations/{id}/turns", conversation).then().statusCode(200)
                .body("items.text", contains("turn 0"));
    }

    @Test
    void anUnknownConversationHasAnEmptyHistoryAndBadPagesAreRejected() {
        asResponder().get("/api/v1/conversations/{id}/turns", newConversation()).then().statusCode(200)
                .body("total", equalTo(0))
                .body("items", hasSize(0));
        asResponder().queryParam("size", 101).get("/api/v1/conversations/{id}/turns", newConversation())
                .then().statusCode(400);
        asResponder().queryParam("page", -1).get("/api/v1/conversations/{id}/turns", newConversation())
                .then().statusCode(400);
    }

    @Test
    void retentionDeletesOnlyTurnsOlderThanThePeriodAndReportsTheRun() {
        String conversation = newConversation();
        Instant now = Instant.now();
        record(conversation, "too old", now.minus(Duration.ofDays(31)));
        record(conversation, "far too old", now.minus(Duration.ofDays(3 * 365)));
        record(conversation, "still kept", now.minus(Duration.ofDays(29)));
        asOperator().get("/api/v1/retention").then().statusCode(200)
                .body("conversationHistory.period", equalTo("P30D"))
                .body("conversationHistory.schedule", equalTo("off"));

        long deleted = retention.purgeConversationHistory();

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(database.count("select count(*) from conversation_turns where occurred_at < now() - interval '30 days'"))
                .isZero();
        asResponder().get("/api/v1/conversations/{id}/turns", conversation).then()
                .body("items.text", contains("still kept"));
        asOperator().get("/api/v1/retention").then().statusCode(200)
                .body("conversationHistory.lastRun.rowsDeleted", equalTo((int) deleted))
                .body("conversationHistory.lastRun.at", notNullValue())
                .body("conversationHistory.lastRun.cutoff", notNullValue());
    }

    private void record(String conversationId, String text, Instant occurredAt) {
        conversationHistory.record(Envelope.of(UUID.randomUUID().toString(), occurredAt, conversationId, null, null,
                new ConversationTurn(TurnKind.INBOUND, Channel.LINE, "U-history-test", null, "customer", text, null,
                        null)));
    }

    private static String newConversation() {
        return ConversationIds.line("U0123456789abcdef0123456789abcdef", "U" + UUID.randomUUID().toString().replace("-", ""));
    }
}
