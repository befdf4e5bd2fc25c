package io.casedesk.cases.rest;

import io.casedesk.cases.DemoBundle;
import io.casedesk.cases.service.BundleImporter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static io.casedesk.cases.ApiClient.asResponder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseApiIT {

    /** The same problem details for whatever is not there or not the caller's. */
    private static final String NOT_FOUND_BODY =
            "{\"type\":\"urn:casedesk:problem:not_found\",\"title\":\"Not Found\",\"status\":404,\"error\":\"not_found\"}";

    private static final String CHANG_LINE_USER_ID = "Uf0d4b5d7bf148e3c5849974bb722897c";

    /** Loads the demo data directly: RestAssured is not pointed at the application before the first test. */
    @Inject
    BundleImporter importer;

    @BeforeAll
    void importDemoData() {
        importer.importBundle(DemoBundle.tree());
    }

    @Test
    void resolvesALineUserToTheCustomer() {
        asResponder().get("/api/v1/identities/line/{id}", CHANG_LINE_USER_ID).then().statusCode(200)
                .body("customerRef", equalTo("C-1001"))
                .body("name", equalTo("張志明"))
                .body("language", equalTo("zh-Hant"))
                .body("salutation.zh-Hant", equalTo("張先生"))
                .body("salutation.en", equalTo("Mr. Chang"))
                .body("vip", equalTo(false))
                .body("verified", equalTo(true));
    }

    @Test
    void resolvesAnEmailAddressWhateverItsCase() {
        asResponder().get("/api/v1/identities/email/{id}", "Chang.ChihMing@EXAMPLE.com").then().statusCode(200)
                .body("customerRef", equalTo("C-1001"))
                .body("verified", equalTo(true));
    }

    @Test
    void anUnknownIdentityIsNotFound() {
        asResponder().get("/api/v1/identities/line/{id}", "U00000000000000000000000000000000").then().statusCode(404)
                .body("error", equalTo("not_found"));
        // LINE user ids are case-sensitive, unlike email addresses.
        asResponder().get("/api/v1/identities/line/{id}", CHANG_LINE_USER_ID.toUpperCase()).then().statusCode(404);
        asResponder().get("/api/v1/identities/fax/{id}", CHANG_LINE_USER_ID).then().statusCode(404);
    }

    @Test
    void listsTheCasesOfACustomer() {
        asResponder().get("/api/v1/customers/C-1001/cases").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].number", equalTo("2026-FAM-0142"))
                .body("[0].status", equalTo("awaiting_court"))
                .body("[0].assignee", equalTo("林律師"))
                .body("[0].openedAt", equalTo("2026-03-02"))
                .body("[0].nextStep.date", equalTo("2026-12-03"))
                .body("[0].nextStep.description", containsString("言詞辯論"))
                .body("[0].outstandingFee.amount", equalTo(30000))
                .body("[0].outstandingFee.currency", equalTo("TWD"))
                .body("[0]", not(hasKey("history")));
    }

    @Test
    void listsOpenCasesByNextStepAndClosedOnesOnlyOnRequestAndLast() {
        asResponder().get("/api/v1/customers/C-1003/cases").then().statusCode(200)
                .body("number", contains("2026-DEB-0301", "2026-TMK-0213"));
        asResponder().queryParam("scope", "all").get("/api/v1/customers/C-1003/cases").then().statusCode(200)
                .body("number", contains("2026-DEB-0301", "2026-TMK-0213", "2026-COR-0057"))
                .body("[2].status", equalTo("closed"))
                .body("[2]", not(hasKey("nextStep")));
        asResponder().queryParam("scope", "everything").get("/api/v1/customers/C-1003/cases").then().statusCode(400);
    }

    @Test
    void casesOfAnUnknownCustomerAreNotFound() {
        asResponder().get("/api/v1/customers/C-9999/cases").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void showsOneOwnCaseWithItsHistory() {
        asResponder().get("/api/v1/customers/C-1001/cases/2026-FAM-0142").then().statusCode(200)
                .body("number", equalTo("2026-FAM-0142"))
                .body("history", hasSize(6))
                .body("history[0].at", equalTo("2026-03-02T02:00:00Z"))
                .body("history.entry", everyItem(notNullValue()));
    }

    @Test
    void anotherCustomersCaseLooksExactlyLikeAnUnknownOne() {
        Response othersCase = asResponder().get("/api/v1/customers/C-1001/cases/2026-CON-0388");
        Response unknownCase = asResponder().get("/api/v1/customers/C-1001/cases/2026-XXX-0000");

        assertThat(othersCase.statusCode()).isEqualTo(404);
        assertThat(othersCase.asString()).isEqualTo(unknownCase.asString()).isEqualTo(NOT_FOUND_BODY);
        assertThat(othersCase.contentType()).isEqualTo(unknownCase.contentType());
        // The owner does see it.
        asResponder().get("/api/v1/customers/C-1002/cases/2026-CON-0388").then().statusCode(200);
    }

    @Test
    void showsTheFirm() {
        asResponder().get("/api/v1/firm").then().statusCode(200)
                .body("name", containsString("Mingli Law Offices"))
                .body("timezone", equalTo("Asia/Taipei"))
                .body("languages", contains("zh-Hant", "en"))
                .body("tone", containsString("張先生您好"))
                .body("serviceHours.weekly", hasSize(2))
                .body("serviceHours.weekly[0].days", hasItem("MON"))
                .body("serviceHours.weekly[1].from", equalTo("13:30"))
                .body("serviceHours.dated.find { it.date == '2026-12-25' }.closed", equalTo(true))
                .body("serviceHours.dated.find { it.date == '2026-12-19' }.to", equalTo("12:30"))
                .body("outOfHoursText.en", containsString("outside our service hours"));
    }

    @Test
    void searchesArticlesByLanguageAndTextIgnoringCase() {
        asResponder().queryParam("language", "en").queryParam("q", "OFFICE HOURS").get("/api/v1/articles")
                .then().statusCode(200)
                .body("id", hasItem("kb-office-hours-en"))
                .body("language", everyItem(equalTo("en")));
        // Tags match too.
        asResponder().queryParam("q", "春節").get("/api/v1/articles").then().statusCode(200)
                .body("id", hasItem("kb-office-hours-zh-hant"));
        asResponder().queryParam("language", "zh-Hant").get("/api/v1/articles").then().statusCode(200)
                .body("", hasSize(12));
        // LIKE wildcards are taken literally.
        asResponder().queryParam("q", "%_%").get("/api/v1/articles").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void showsOneArticle() {
        asResponder().get("/api/v1/articles/kb-office-hours-zh-hant").then().statusCode(200)
                .body("title", equalTo("服務時間與休假安排"))
                .body("tags", hasItem("office-hours"));
        asResponder().get("/api/v1/articles/kb-nothing").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void refusesRequestsWithoutAValidServiceKey() {
        given().get("/api/v1/identities/line/{id}", CHANG_LINE_USER_ID).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                // RFC 9457 problem details
                .contentType("application/problem+json")
                .body("error", equalTo("unauthorized"))
                .body("type", equalTo("urn:casedesk:problem:unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401));
        given().auth().oauth2("wrong-key").get("/api/v1/customers/C-1001/cases").then().statusCode(401)
                .body("error", equalTo("unauthorized"));
        given().header("Authorization", "Basic ZGV2LXJlc3BvbmRlci1rZXk6").get("/api/v1/firm").then().statusCode(401);
        // Unknown paths cannot be probed without a key either.
        given().get("/api/v1/nothing-here").then().statusCode(401);
        asResponder().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("error", equalTo("not_found")).body("status", equalTo(404));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/identities/{channel}/{externalId}"))
                .body("paths", hasKey("/api/v1/customers/{ref}/cases/{number}"))
                .body("components.securitySchemes.service-key.scheme", equalTo("bearer"));
    }
}
