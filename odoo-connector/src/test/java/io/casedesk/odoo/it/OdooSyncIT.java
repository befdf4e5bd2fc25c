package io.casedesk.odoo.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.odoo.client.CaseService;
import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.odoo.client.OdooClient;
import io.casedesk.odoo.service.ChatterWriter;
import io.casedesk.odoo.service.SyncRun;
import io.casedesk.odoo.service.SyncService;
import io.casedesk.odoo.support.CaseServiceUnderTest;
import io.casedesk.odoo.support.ConnectorTestResource;
import io.casedesk.odoo.support.OdooUnderTest;
import io.casedesk.odoo.support.Turns;
import io.casedesk.odoostandin.OdooStandIn;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The connector between the Odoo of {@link OdooUnderTest} (the stand-in, or a real Odoo named by {@code ODOO_URL})
 * and a real case-service, with the real broker and database: the records a firm keeps in Odoo arrive in
 * case-service, follow their changes, archiving and deletion, survive an Odoo outage, and every conversation turn
 * lands in the matter's chatter once. The parts that need Odoo to fail, or fields a stock Odoo does not have
 * (open amounts set directly, the custom LINE field), run on the stand-in only.
 */
@QuarkusTest
@QuarkusTestResource(ConnectorTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OdooSyncIT {

    private static final String LINE_USER = "Ucd17000000000000000000000000001";

    @Inject
    SyncService sync;

    @Inject
    ChatterWriter chatter;

    @Inject
    CaseService caseServiceClient;

    private final OdooClient odoo = OdooUnderTest.client();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Long> stages = new HashMap<>();
    private String changRef;
    private String linRef;
    private String wangRef;
    private long chang;
    private long lin;
    private long wang;
    private long divorce;
    private long contract;
    private long estate;

    @BeforeAll
    void createTheFirmsRecords() {
        for (String stage : List.of("Intake", "In Progress", "Waiting for Court", "Closed")) {
            stages.put(stage, odoo.create("project.task.type", Map.of("name", stage)));
        }
        long project = odoo.create("project.project", Map.of("name", "CDIT Family " + run));
        changRef = "CDIT-" + run + "-1";
        linRef = "CDIT-" + run + "-2";
        wangRef = "CDIT-" + run + "-3";
        Map<String, Object> changValues = new HashMap<>(Map.of("name", "CDIT 張志明", "ref", changRef,
                "email", "chang." + run + "@example.com", "phone", "+886-912-000-101", "lang", "zh_TW"));
        OdooUnderTest.lineUserIdField().ifPresent(f -> changValues.put(f, LINE_USER));
        chang = odoo.create("res.partner", changValues);
        lin = odoo.create("res.partner", Map.of("name", "CDIT 林美玲", "ref", linRef, "lang", "en_US"));
        wang = odoo.create("res.partner", Map.of("name", "CDIT 王大明", "ref", wangRef));
        divorce = odoo.create("project.task", Map.of("name", "CDIT 離婚訴訟", "partner_id", chang,
                "project_id", project, "stage_id", stages.get("Waiting for Court"), "date_deadline", "2027-01-15",
                "user_ids", List.of(List.of(6, 0, List.of(2)))));
        contract = odoo.create("project.task", Map.of("name", "CDIT 契約審閱", "partner_id", lin,
                "project_id", project, "stage_id", stages.get("Intake")));
        estate = odoo.create("project.task", Map.of("name", "CDIT 遺產分割", "partner_id", wang,
                "project_id", project, "stage_id", stages.get("In Progress")));
        OdooUnderTest.standIn().ifPresent(standIn -> {
            long twd = odoo.create("res.currency", Map.of("name", "TWD"));
            odoo.create("account.move", Map.of("name", "INV/CDIT/" + run, "move_type", "out_invoice",
                    "state", "posted", "payment_state", "not_paid", "partner_id", chang, "currency_id", twd,
                    "invoice_origin", "CDIT-T-" + divorce, "amount_total", 30000, "amount_residual", 30000));
        });
    }

    private SyncRun syncNow(SyncService.Kind kind) {
        return sync.run(kind, false, true).orElseThrow();
    }

    private static io.restassured.specification.RequestSpecification caseService() {
        return given().baseUri(CaseServiceUnderTest.get().baseUrl()).auth().oauth2(CaseServiceUnderTest.READER_KEY);
    }

    @Test
    @Order(1)
    void bringsTheFirmsClientsAndCasesIntoCaseService() {
        SyncRun first = syncNow(SyncService.Kind.INCREMENTAL);

        assertThat(first.outcome()).isEqualTo("succeeded");
        assertThat(first.changed()).isGreaterThanOrEqualTo(6);
        JsonNode cases = caseService().get("/api/v1/customers/{ref}/cases?scope=all", changRef).then().statusCode(200)
                .extract().as(JsonNode.class);
        assertThat(cases).hasSize(1);
        JsonNode divorceCase = cases.get(0);
        assertThat(divorceCase.path("number").asText()).isEqualTo("CDIT-T-" + divorce);
        assertThat(divorceCase.path("title").asText()).isEqualTo("CDIT 離婚訴訟");
        assertThat(divorceCase.path("status").asText()).isEqualTo("awaiting_court");
        assertThat(divorceCase.path("stage").asText()).isEqualTo("Waiting for Court");
        assertThat(divorceCase.path("type").asText()).isEqualTo("CDIT Family " + run);
        assertThat(divorceCase.path("nextStep").path("date").asText()).isEqualTo("2027-01-15");
        assertThat(divorceCase.path("assignee").asText()).isNotBlank();
        if (OdooUnderTest.standIn().isPresent()) {
            assertThat(divorceCase.path("outstandingFee").path("amount").decimalValue()).isEqualByComparingTo("30000");
            assertThat(divorceCase.path("outstandingFee").path("currency").asText()).isEqualTo("TWD");
        }
        caseService().get("/api/v1/identities/email/{address}", "chang." + run + "@example.com").then()
                .statusCode(200).body("customerRef", equalTo(changRef)).body("language", equalTo("zh-Hant"));
        if (OdooUnderTest.lineUserIdField().isPresent()) {
            caseService().get("/api/v1/identities/line/{id}", LINE_USER).then().statusCode(200)
                    .body("customerRef", equalTo(changRef));
        }
        caseService().get("/api/v1/customers/{ref}/cases", linRef).then().statusCode(200)
                .body("[0].status", equalTo("intake"));
    }

    @Test
    @Order(2)
    void aRunWithoutChangesWritesNothing() {
        SyncRun again = syncNow(SyncService.Kind.INCREMENTAL);
        SyncRun full = syncNow(SyncService.Kind.FULL);

        assertThat(again.outcome()).isEqualTo("succeeded");
        assertThat(again.changed()).isZero();
        assertThat(again.deleted()).isZero();
        assertThat(full.outcome()).isEqualTo("succeeded");
        assertThat(full.read()).isGreaterThanOrEqualTo(6);
        assertThat(full.changed()).isZero();
    }

    @Test
    @Order(3)
    void followsChangesArchivingAndDeletion() {
        odoo.write("project.task", List.of(divorce), Map.of("stage_id", stages.get("Closed")));
        odoo.write("project.task", List.of(contract), Map.of("active", false));
        odoo.unlink("project.task", List.of(estate));
        odoo.unlink("res.partner", List.of(wang));
        OdooUnderTest.standIn().ifPresent(standIn -> {
            List<Long> invoices = odoo.search("account.move", List.of(List.of("invoice_origin", "=", "CDIT-T-" + divorce)),
                    Map.of());
            odoo.write("account.move", invoices, Map.of("payment_state", "paid", "amount_residual", 0));
        });

        SyncRun changes = syncNow(SyncService.Kind.INCREMENTAL);

        assertThat(changes.outcome()).isEqualTo("succeeded");
        JsonNode divorceCase = caseService().get("/api/v1/customers/{ref}/cases/{number}", changRef, "CDIT-T-" + divorce)
                .then().statusCode(200).extract().as(JsonNode.class);
        assertThat(divorceCase.path("status").asText()).isEqualTo("closed");
        assertThat(divorceCase.has("outstandingFee")).isFalse();
        caseService().get("/api/v1/customers/{ref}/cases/{number}", linRef, "CDIT-T-" + contract).then().statusCode(404);
        caseService().get("/api/v1/customers/{ref}/cases", wangRef).then().statusCode(404);
        assertThat(changes.deleted()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(4)
    void whenOdooIsDownTheLastGoodDataStaysAndHealthSaysDegraded() {
        OdooStandIn standIn = OdooUnderTest.standIn().orElse(null);
        assumeTrue(standIn != null, "needs the stand-in to play an Odoo that is down");
        standIn.fault(OdooStandIn.Fault.unavailableFault());
        try {
            SyncRun failed = syncNow(SyncService.Kind.INCREMENTAL);

            assertThat(failed.outcome()).isEqualTo("failed");
            assertThat(failed.error()).contains("503");
            caseService().get("/api/v1/customers/{ref}/cases?scope=all", changRef).then().statusCode(200)
                    .body("[0].number", equalTo("CDIT-T-" + divorce));
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'odoo-sync' }.data.state", equalTo("degraded"));
            given().auth().oauth2("dev-launcher-key").get("/api/v1/sync/status").then().statusCode(200)
                    .body("health", equalTo("degraded")).body("consecutiveFailures", equalTo(1));
        } finally {
            standIn.fault(OdooStandIn.Fault.NONE);
        }
        assertThat(syncNow(SyncService.Kind.INCREMENTAL).outcome()).isEqualTo("succeeded");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'odoo-sync' }.data.state", equalTo("ok"));
    }

    @Test
    @Order(5)
    void writesEveryTurnIntoTheMattersChatterOnce() {
        List<Envelope<ConversationTurn>> turns = List.of(
                Turns.turn(changRef, TurnKind.INBOUND, "customer", "我的案子進度如何？我的電話 0912-345-678", null),
                Turns.turn(changRef, TurnKind.ANSWER, "bot", "張先生您好，您的案件已結案。", null),
                Turns.turn(changRef, TurnKind.HANDOFF, "bot", null, "human_request"),
                Turns.turn(changRef, TurnKind.AGENT_REPLY, "agent:agent1", "我是林律師，稍後致電給您。", null));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (Envelope<ConversationTurn> turn : turns) {
                kafka.send(Topics.CONVERSATION, turn.conversationId(), Turns.encode(turn));
            }
            // A redelivery, a replay and a stranger's turn change nothing in Odoo.
            kafka.send(Topics.CONVERSATION, turns.get(0).conversationId(), Turns.encode(turns.get(0)));
            kafka.send(Topics.CONVERSATION, turns.get(1).conversationId(), Turns.encode(Turns.replayed(turns.get(1))));
            Envelope<ConversationTurn> stranger = Turns.turn(null, TurnKind.INBOUND, "customer", "hello", null);
            kafka.send(Topics.CONVERSATION, stranger.conversationId(), Turns.encode(stranger));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(chatterOf(divorce)).hasSize(4));
        List<JsonNode> messages = chatterOf(divorce);
        assertThat(messages).extracting(m -> m.path("message_id").asText())
                .containsExactlyInAnyOrderElementsOf(turns.stream().map(t -> ChatterWriter.messageId(t.eventId())).toList());
        String inbound = messages.stream().filter(m -> m.path("message_id").asText().contains(turns.get(0).eventId()))
                .findFirst().orElseThrow().path("body").asText();
        assertThat(inbound).contains("Client message").contains("[phone]").doesNotContain("0912-345-678");

        // Stored again (a consumer restart re-reading the topic): still one message per turn.
        turns.forEach(chatter::accept);
        chatter.sendPending();
        assertThat(chatterOf(divorce)).hasSize(4);
    }

    @Test
    @Order(6)
    void aFullResyncIsStartedThroughTheProtectedApi() {
        given().post("/api/v1/sync/full").then().statusCode(401);
        given().auth().oauth2("wrong-key").post("/api/v1/sync/full").then().statusCode(401);

        given().auth().oauth2("dev-launcher-key").post("/api/v1/sync/full?force=true").then().statusCode(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2("dev-launcher-key").get("/api/v1/sync/status").then().statusCode(200)
                        .body("running", equalTo(false)).body("lastRun.kind", equalTo("full"))
                        .body("lastRun.outcome", equalTo("succeeded")));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("casedesk_odoo_records_read_total").contains("casedesk_odoo_sync_lag_seconds")
                .contains("casedesk_odoo_chatter_posts_total");
    }

    @Test
    @Order(7)
    void theKnowledgeBaseFollowsTheArticlesInOdoo() {
        assumeTrue(OdooUnderTest.standIn().isPresent(), "Knowledge is an Odoo Enterprise app; the stand-in has it");
        long hours = odoo.create("knowledge.article", Map.of("name", "CDIT Office hours",
                "body", "<p>Mon&ndash;Fri 09:00&ndash;18:00</p><p>Closed on holidays</p>", "x_article_id", "kb-cdit-hours"));
        long fees = odoo.create("knowledge.article", Map.of("name", "CDIT Fees", "body", "<p>By the hour</p>",
                "x_article_id", "kb-cdit-fees"));

        assertThat(syncNow(SyncService.Kind.INCREMENTAL).outcome()).isEqualTo("succeeded");
        caseService().get("/api/v1/articles/{id}", "kb-cdit-hours").then().statusCode(200)
                .body("body", equalTo("Mon–Fri 09:00–18:00\nClosed on holidays"));

        odoo.write("knowledge.article", List.of(fees), Map.of("active", false));
        SyncRun archived = syncNow(SyncService.Kind.INCREMENTAL);

        assertThat(archived.outcome()).isEqualTo("succeeded");
        caseService().get("/api/v1/articles/{id}", "kb-cdit-fees").then().statusCode(404);
        caseService().get("/api/v1/articles/{id}", "kb-cdit-hours").then().statusCode(200);
        assertThat(syncNow(SyncService.Kind.INCREMENTAL).changed()).isZero();
        assertThat(hours).isPositive();
    }

    @Test
    @Order(8)
    void caseServiceRefusingABundleOrARemovalIsAnAnswerNotAnOutage() throws Exception {
        JsonNode bundle = new ObjectMapper().readTree("""
                {"cases": [{"number": "CDIT-%s-1", "customerRef": "C-NOBODY-%s", "title": "t", "status": "open",
                            "openedAt": "2026-01-05"}]}""".formatted(run, run));

        // case-service answers 422 with problem details (application/problem+json).
        assertThatThrownBy(() -> caseServiceClient.importBundle(bundle))
                .isInstanceOfSatisfying(CaseService.Rejected.class,
                        rejected -> assertThat(rejected.paths()).contains("$.cases[0].customerRef"));
        // 404: nothing to remove.
        assertThat(caseServiceClient.deleteCustomer("C-NOBODY-" + run)).isFalse();
        assertThat(caseServiceClient.deleteCase("CDIT-" + run + "-1")).isFalse();
    }

    private List<JsonNode> chatterOf(long task) {
        return odoo.searchRead("mail.message", List.of(List.of("model", "=", "project.task"), List.of("res_id", "=", task),
                List.of("message_id", "=like", "<casedesk-turn-%")), List.of("id", "message_id", "body"), 0, null,
                "id asc", Map.of());
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
