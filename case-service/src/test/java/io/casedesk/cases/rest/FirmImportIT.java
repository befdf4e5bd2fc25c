package io.casedesk.cases.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casedesk.cases.Database;
import io.casedesk.cases.DemoBundle;
import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.FirmChanged;
import io.casedesk.schema.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static io.casedesk.cases.ApiClient.asLauncher;
import static io.casedesk.cases.ApiClient.asResponder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * What a firm's import does beyond upserting: a closed case keeps its closing as recorded, a bundle's articles are
 * the firm's whole knowledge base, and every change is announced on {@code cs.firm.v1} so caches are dropped.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirmImportIT {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    private Database database;

    @BeforeAll
    void emptyTables() {
        database = new Database(dataSource);
        database.truncateAll();
    }

    /** RestAssured knows the application's port once a test runs, not in {@code @BeforeAll}. */
    @BeforeEach
    void demoFirm() {
        if (database.count("select count(*) from customers") == 0) {
            importBundle(DemoBundle.json()).statusCode(200);
        }
    }

    @Test
    @Order(1)
    void aClosedCaseCarriesItsClosingDateAndOutcomeFromItsLastHistoryEntry() {
        String lineUser = lineUserOf("C-1003");

        customer(lineUser)
                .body("cases.find { it.number == '2026-COR-0057' }.status", equalTo("closed"))
                .body("cases.find { it.number == '2026-COR-0057' }.closedAt", equalTo("2026-03-10"))
                .body("cases.find { it.number == '2026-COR-0057' }.outcome",
                        equalTo("設立登記核准，核准函及公司登記表已交付李先生，本案結案。"))
                .body("cases.find { it.number == '2026-TMK-0213' }.closedAt", nullValue())
                .body("cases.find { it.number == '2026-TMK-0213' }.outcome", nullValue());
    }

    @Test
    @Order(2)
    void aBundlesOwnClosingWinsOverTheHistory() throws Exception {
        ObjectNode bundle = (ObjectNode) mapper.readTree(DemoBundle.json());
        bundle.remove("articles");
        for (var node : bundle.get("cases")) {
            if ("2026-COR-0057".equals(node.get("number").asText())) {
                ((ObjectNode) node).put("closedAt", "2026-03-12").put("outcome", "公司設立登記完成。");
            }
        }

        importBundle(mapper.writeValueAsString(bundle)).statusCode(200).body("changes.cases.updated", equalTo(1));

        customer(lineUserOf("C-1003"))
                .body("cases.find { it.number == '2026-COR-0057' }.closedAt", equalTo("2026-03-12"))
                .body("cases.find { it.number == '2026-COR-0057' }.outcome", equalTo("公司設立登記完成。"));
        importBundle(DemoBundle.json()).statusCode(200);
    }

    @Test
    @Order(3)
    void anotherFirmsArticlesReplaceTheKnowledgeBaseAndTheChangeIsAnnounced() throws Exception {
        ObjectNode other = mapper.createObjectNode();
        other.putObject("firm").put("name", "南港法律事務所").put("timezone", "Asia/Taipei");
        ArrayNode articles = other.putArray("articles");
        articles.addObject().put("id", "kb-retention-zh-hant").put("language", "zh-Hant").put("title", "卷宗保存")
                .put("body", "結案後卷宗保存五年。").putArray("tags").add("保存");
        articles.addObject().put("id", "kb-retention-en").put("language", "en").put("title", "File retention")
                .put("body", "We keep closed files for five years.").putArray("tags").add("retention");
        int announcedBefore = firmChanges().size();

        importBundle(mapper.writeValueAsString(other)).statusCode(200)
                .body("changes.articles.created", equalTo(2))
                .body("changes.articles.removed", equalTo(24))
                .body("removed", equalTo(24));

        asResponder().get("/api/v1/articles").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.containsInAnyOrder("kb-retention-zh-hant", "kb-retention-en"));
        List<FirmChanged> announced = kafka.readUntil(Topics.FIRM,
                        records -> records.size() > announcedBefore, Duration.ofSeconds(30)).stream()
                .map(FirmImportIT::decode).map(Envelope::payload).toList();
        assertThat(announced).hasSize(announcedBefore + 1);
        assertThat(announced.get(announced.size() - 1)).isEqualTo(new FirmChanged(true, true, 2));
    }

    /** The last test ends with the demo firm imported again, as the other test classes expect to find it. */
    @Test
    @Order(4)
    void anImportThatChangesNothingAnnouncesNothing() throws Exception {
        importBundle(DemoBundle.json()).statusCode(200);
        int announcedBefore = firmChanges().size();

        importBundle(DemoBundle.json()).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0));

        assertThat(firmChanges()).hasSize(announcedBefore);
    }

    /** Every announcement so far, once the outbox relay has published what was committed. */
    private List<FirmChanged> firmChanges() {
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count("select count(*) from outbox_events") == 0);
        return kafka.readUntil(Topics.FIRM, records -> false, Duration.ofSeconds(5)).stream()
                .map(FirmImportIT::decode).map(Envelope::payload).toList();
    }

    private static Envelope<FirmChanged> decode(ConsumerRecord<String, String> record) {
        assertThat(record.key()).isEqualTo(Topics.FIRM_KEY);
        return EventCodec.shared().decode(record.value()).as(FirmChanged.class);
    }

    private String lineUserOf(String customerRef) {
        try {
            for (var customer : mapper.readTree(DemoBundle.json()).get("customers")) {
                if (customerRef.equals(customer.get("ref").asText())) {
                    return customer.get("lineUserId").asText();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(customerRef);
    }

    private static ValidatableResponse customer(String lineUser) {
        return asResponder().get("/api/v1/identities/line/{id}/customer?scope=all", lineUser).then().statusCode(200);
    }

    private static ValidatableResponse importBundle(String json) {
        return asLauncher().contentType(ContentType.JSON).body(json).post("/api/v1/import").then();
    }
}
