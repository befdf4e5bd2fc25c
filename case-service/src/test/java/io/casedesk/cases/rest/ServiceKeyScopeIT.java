package io.casedesk.cases.rest;

import io.casedesk.cases.DemoBundle;
import io.casedesk.cases.service.BundleImporter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static io.casedesk.cases.ApiClient.asHandoff;
import static io.casedesk.cases.ApiClient.asLauncher;
import static io.casedesk.cases.ApiClient.asOdooConnector;
import static io.casedesk.cases.ApiClient.asResponder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Each service's key reaches only the routes of its roles (application.properties): everything else is
 * {@code 403 {"error":"forbidden"}}, before anything is read or written.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceKeyScopeIT {

    private static final String CHANG_LINE_USER_ID = "Uf0d4b5d7bf148e3c5849974bb722897c";
    private static final String STRANGER = "Uffffffffffffffffffffffffffff0f15";

    @Inject
    BundleImporter importer;

    @BeforeAll
    void importDemoData() {
        importer.importBundle(DemoBundle.tree());
    }

    @Test
    void theResponderAndHandoffKeysCannotImportSoTheyCannotRewriteCustomersIdentitiesOrSecrets() {
        String takeover = "{\"customers\":[{\"ref\":\"C-1001\",\"name\":\"x\",\"lineUserId\":\"" + STRANGER
                + "\",\"verificationSecret\":\"1111\"}]}";

        forbidden(asResponder().contentType(ContentType.JSON).body(takeover).post("/api/v1/import"));
        forbidden(asHandoff().contentType(ContentType.JSON).body(takeover).post("/api/v1/import"));

        asResponder().get("/api/v1/identities/line/{id}", STRANGER).then().statusCode(404);
        asResponder().get("/api/v1/identities/line/{id}", CHANG_LINE_USER_ID).then().statusCode(200)
                .body("name", equalTo("張志明"));
    }

    @Test
    void handoffReadsTheCustomerTheirCasesAndTheFirmButCannotLinkOrReadHistory() {
        asHandoff().get("/api/v1/identities/line/{id}", CHANG_LINE_USER_ID).then().statusCode(200);
        asHandoff().get("/api/v1/customers/C-1001/cases").then().statusCode(200);
        asHandoff().get("/api/v1/firm").then().statusCode(200);

        forbidden(asHandoff().contentType(ContentType.JSON)
                .body(Map.of("caseNumber", "2026-FAM-0142", "secret", "4821"))
                .post("/api/v1/identities/line/{id}/link", STRANGER));
        forbidden(asHandoff().contentType(ContentType.JSON).body(Map.of("caseNumber", "2026-FAM-0142"))
                .post("/api/v1/identities/line/{id}/link/code-request", STRANGER));
        forbidden(asHandoff().get("/api/v1/customers/C-1001/conversation-turns"));
        forbidden(asHandoff().get("/api/v1/retention"));
    }

    @Test
    void theResponderReadsWhatItAnswersFromAndLinksButCannotReadTheRetentionRecord() {
        asResponder().get("/api/v1/identities/line/{id}/customer", CHANG_LINE_USER_ID).then().statusCode(200);
        asResponder().get("/api/v1/articles").then().statusCode(200);
        asResponder().get("/api/v1/firm").then().statusCode(200);
        asResponder().get("/api/v1/conversations/{id}/turns", "line:x:" + STRANGER).then().statusCode(200);

        forbidden(asResponder().get("/api/v1/retention"));
    }

    @Test
    void theImportingKeysOnlyImport() {
        for (RequestSpecification importer : new RequestSpecification[] {asLauncher(), asOdooConnector()}) {
            importer.contentType(ContentType.JSON).body(DemoBundle.json()).post("/api/v1/import").then().statusCode(200);
        }

        forbidden(asLauncher().get("/api/v1/identities/line/{id}", CHANG_LINE_USER_ID));
        forbidden(asOdooConnector().get("/api/v1/customers/C-1001/cases"));
        forbidden(asOdooConnector().contentType(ContentType.JSON)
                .body(Map.of("caseNumber", "2026-FAM-0142", "secret", "4821"))
                .post("/api/v1/identities/line/{id}/link", STRANGER));
    }

    private static void forbidden(io.restassured.response.Response response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.jsonPath().getString("error")).isEqualTo("forbidden");
    }
}
