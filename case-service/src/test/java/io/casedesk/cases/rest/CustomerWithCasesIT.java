package io.casedesk.cases.rest;

import io.casedesk.cases.Database;
import io.casedesk.cases.DemoBundle;
import io.casedesk.cases.service.BundleImporter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.casedesk.cases.ApiClient.asResponder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/** GET /identities/{channel}/{externalId}/customer: the responder's one call per message, against PostgreSQL. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerWithCasesIT {

    /** The same problem details for whatever is not there or not the caller's. */
    private static final String NOT_FOUND_BODY =
            "{\"type\":\"urn:casedesk:problem:not_found\",\"title\":\"Not Found\",\"status\":404,\"error\":\"not_found\"}";

    private static final String PATH = "/api/v1/identities/{channel}/{id}/customer";
    private static final String CHANG_LINE_USER_ID = "Uf0d4b5d7bf148e3c5849974bb722897c";
    private static final String WANG_LINE_USER_ID = "Ub720e6435c58f2af9f3a979c288df69f";
    private static final String LEE_LINE_USER_ID = "Ud00b7cb4712c0c8fa9491be21ac157df";
    /** Held by C-1001 but not verified: linked by nobody, so it may not see case facts. */
    private static final String UNVERIFIED_LINE_USER_ID = "Uunverified0000000000000000000001";

    @Inject
    BundleImporter importer;

    @Inject
    DataSource dataSource;

    private Database database;

    @BeforeAll
    void importDemoDataAndAnUnverifiedIdentity() {
        importer.importBundle(DemoBundle.tree());
        database = new Database(dataSource);
        removeUnverifiedIdentity();
        // Not an import identity ('link'), so another test's re-import leaves it alone.
        database.execute("insert into channel_identities (channel, external_id, verified, source, customer_id) "
                + "select 'line', '" + UNVERIFIED_LINE_USER_ID + "', false, 'link', id from customers where ref = 'C-1001'");
    }

    @AfterAll
    void removeUnverifiedIdentity() {
        database.execute("delete from channel_identities where external_id = '" + UNVERIFIED_LINE_USER_ID + "'");
    }

    @Test
    void answersTheCustomerAsTheIdentityLookupDoesWithTheOpenCasesAsTheCaseListDoes() {
        JsonPath combined = asResponder().get(PATH, "line", LEE_LINE_USER_ID).then().statusCode(200)
                .body("customerRef", equalTo("C-1003"))
                .body("verified", equalTo(true))
                .body("cases.number", contains("2026-DEB-0301", "2026-TMK-0213"))
                .extract().jsonPath();
        Map<String, Object> identity = asResponder().get("/api/v1/identities/line/{id}", LEE_LINE_USER_ID)
                .then().statusCode(200).extract().jsonPath().getMap("");
        List<Object> cases = asResponder().get("/api/v1/customers/C-1003/cases")
                .then().statusCode(200).extract().jsonPath().getList("");

        assertThat(combined.getList("cases")).isEqualTo(cases);
        Map<String, Object> customer = new HashMap<>(combined.getMap(""));
        customer.remove("cases");
        assertThat(customer).isEqualTo(identity);
    }

    @Test
    void listsClosedCasesLastOnlyForScopeAll() {
        asResponder().queryParam("scope", "all").get(PATH, "line", LEE_LINE_USER_ID).then().statusCode(200)
                .body("cases.number", contains("2026-DEB-0301", "2026-TMK-0213", "2026-COR-0057"))
                .body("cases[2].status", equalTo("closed"));
        asResponder().queryParam("scope", "everything").get(PATH, "line", LEE_LINE_USER_ID).then().statusCode(400)
                .body("error", equalTo("bad_request"));
    }

    @Test
    void carriesEveryFieldOfACaseAndTheSalutationAsAnObject() {
        asResponder().get(PATH, "email", "Chang.ChihMing@EXAMPLE.com").then().statusCode(200)
                .body("customerRef", equalTo("C-1001"))
                .body("name", equalTo("張志明"))
                .body("language", equalTo("zh-Hant"))
                .body("salutation.zh-Hant", equalTo("張先生"))
                .body("salutation.en", equalTo("Mr. Chang"))
                .body("vip", equalTo(false))
                .body("cases.number", contains("2026-FAM-0142"))
                .body("cases[0].assignee", equalTo("林律師"))
                .body("cases[0].openedAt", equalTo("2026-03-02"))
                .body("cases[0].nextStep.date", equalTo("2026-12-03"))
                .body("cases[0].outstandingFee.amount", equalTo(30000))
                .body("cases[0].outstandingFee.currency", equalTo("TWD"));
    }

    @Test
    void anIdentityGetsOnlyItsOwnCustomersCases() {
        List<String> ownCases = database.strings("select k.number from cases k join customers c on c.id = k.customer_id "
                + "where c.ref = 'C-1002' order by k.number");
        List<String> answered = asResponder().queryParam("scope", "all").get(PATH, "line", WANG_LINE_USER_ID)
                .then().statusCode(200).body("customerRef", equalTo("C-1002"))
                .extract().jsonPath().getList("cases.number", String.class);

        assertThat(answered).containsExactlyInAnyOrderElementsOf(ownCases).isNotEmpty();
        // 張先生's case is not among them, nor is his identity answered with 王小姐's case.
        assertThat(answered).doesNotContain("2026-FAM-0142");
        asResponder().queryParam("scope", "all").get(PATH, "line", CHANG_LINE_USER_ID).then().statusCode(200)
                .body("cases.number", not(hasItem("2026-CON-0388")));
    }

    @Test
    void anUnverifiedIdentityGetsTheCustomerButNoCases() {
        asResponder().queryParam("scope", "all").get(PATH, "line", UNVERIFIED_LINE_USER_ID).then().statusCode(200)
                .body("customerRef", equalTo("C-1001"))
                .body("verified", equalTo(false))
                .body("cases", empty());
    }

    @Test
    void anUnknownIdentityAnswersAsAnUnknownIdentityDoes() {
        Response unknown = asResponder().get(PATH, "line", "U00000000000000000000000000000000");
        Response plainLookup = asResponder().get("/api/v1/identities/line/{id}", "U00000000000000000000000000000000");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.asString()).isEqualTo(plainLookup.asString()).isEqualTo(NOT_FOUND_BODY);
        // LINE ids are case-sensitive; an unknown channel looks the same.
        asResponder().get(PATH, "line", CHANG_LINE_USER_ID.toUpperCase()).then().statusCode(404);
        asResponder().get(PATH, "fax", CHANG_LINE_USER_ID).then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void refusesRequestsWithoutAValidServiceKey() {
        given().get(PATH, "line", CHANG_LINE_USER_ID).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("error", equalTo("unauthorized"));
        given().auth().oauth2("wrong-key").get(PATH, "line", CHANG_LINE_USER_ID).then().statusCode(401)
                .body("error", equalTo("unauthorized"));
        // Without a key an unknown identity cannot be told from a known one.
        given().get(PATH, "line", "U00000000000000000000000000000000").then().statusCode(401);
    }
}
