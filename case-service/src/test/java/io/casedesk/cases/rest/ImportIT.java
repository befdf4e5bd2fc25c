package io.casedesk.cases.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casedesk.cases.Database;
import io.casedesk.cases.DemoBundle;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.util.Map;

import static io.casedesk.cases.ApiClient.asLauncher;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportIT {

    /** Firm + 12 customers + 18 cases + 24 articles. */
    private static final int DEMO_RECORDS = 1 + 12 + 18 + 24;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    private Database database;

    /** The other test classes import what they need themselves, so the order of classes does not matter. */
    @BeforeAll
    void startFromEmptyTables() {
        database = new Database(dataSource);
        database.truncateAll();
    }

    @Test
    @Order(1)
    void importsTheDemoBundle() throws Exception {
        importBundle(DemoBundle.json()).statusCode(200)
                .body("customers", equalTo(12))
                .body("cases", equalTo(18))
                .body("articles", equalTo(24))
                .body("created", equalTo(DEMO_RECORDS))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("changes.firm.created", equalTo(1));

        assertThat(database.count("select count(*) from customers")).isEqualTo(12);
        assertThat(database.count("select count(*) from cases")).isEqualTo(18);
        assertThat(database.count("select count(*) from articles")).isEqualTo(24);
        assertThat(database.count("select count(*) from case_history")).isEqualTo(demoHistoryEntries());
        // Every LINE user id (11) and email (11) became a verified identity.
        assertThat(database.count("select count(*) from channel_identities where verified")).isEqualTo(22);
        assertThat(database.count("select count(*) from customers where verification_secret_hash like 'pbkdf2-sha256$%'"))
                .isEqualTo(12);
    }

    @Test
    @Order(2)
    void importingTheSameBundleAgainChangesNothing() {
        Map<String, String> before = database.importedContent();

        importBundle(DemoBundle.json()).statusCode(200)
                .body("customers", equalTo(12))
                .body("cases", equalTo(18))
                .body("articles", equalTo(24))
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(DEMO_RECORDS));

        assertThat(database.importedContent()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void rejectsABrokenBundleListingEveryProblemAndWritesNothing() throws Exception {
        ObjectNode bundle = (ObjectNode) mapper.readTree(DemoBundle.json());
        ArrayNode cases = (ArrayNode) bundle.get("cases");
        ((ObjectNode) cases.get(0)).put("customerRef", "C-9999");
        ((ObjectNode) cases.get(1)).put("number", cases.get(2).get("number").asText());
        ((ObjectNode) cases.get(3)).put("openedAt", "2026-13-01");
        // Valid changes that must not be written either.
        ((ObjectNode) cases.get(4)).put("title", "changed");
        ((ArrayNode) bundle.get("customers")).addObject().put("ref", "C-2001").put("name", "New Customer");
        Map<String, String> before = database.importedContent();

        importBundle(mapper.writeValueAsString(bundle)).statusCode(422)
                .body("error", equalTo("invalid_bundle"))
                .body("problems", hasSize(3))
                .body("problems.path", containsInAnyOrder("$.cases[0].customerRef", "$.cases[2].number",
                        "$.cases[3].openedAt"))
                .body("problems.find { it.path == '$.cases[0].customerRef' }.message", containsString("C-9999"));

        assertThat(database.importedContent()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aChangedCaseIsUpdatedAndItsNewHistoryAdded() throws Exception {
        ObjectNode bundle = (ObjectNode) mapper.readTree(DemoBundle.json());
        ObjectNode divorce = (ObjectNode) bundle.get("cases").get(0);
        divorce.put("stage", "言詞辯論終結");
        ((ArrayNode) divorce.get("history")).addObject().put("at", "2026-12-03T12:00:00+08:00").put("entry", "辯論終結");

        importBundle(mapper.writeValueAsString(bundle)).statusCode(200)
                .body("updated", equalTo(1))
                .body("changes.cases.updated", equalTo(1))
                .body("unchanged", equalTo(DEMO_RECORDS - 1));
        assertThat(database.count("select count(*) from case_history")).isEqualTo(demoHistoryEntries() + 1);

        // Back to the demo data for the tests that follow. History is only ever added to, so remove the entry here.
        importBundle(DemoBundle.json()).statusCode(200).body("updated", equalTo(1));
        database.execute("delete from case_history where entry = '辯論終結'");
    }

    @Test
    @Order(5)
    void rejectsABodyThatIsNotJson() {
        importBundle("{\"customers\": [").statusCode(400).body("error", equalTo("bad_request"));
    }

    @Test
    @Order(6)
    void countsImportsInTheMetrics() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("casedesk_imports_total{outcome=\"accepted\""))
                .body(containsString("casedesk_imports_total{outcome=\"rejected\""));
    }

    private static ValidatableResponse importBundle(String json) {
        return asLauncher().contentType(ContentType.JSON).body(json).post("/api/v1/import").then();
    }

    private long demoHistoryEntries() throws Exception {
        long entries = 0;
        for (var customerCase : mapper.readTree(DemoBundle.json()).get("cases")) {
            entries += customerCase.get("history").size();
        }
        return entries;
    }
}
