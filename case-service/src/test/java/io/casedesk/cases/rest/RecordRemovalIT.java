package io.casedesk.cases.rest;

import io.casedesk.cases.DemoBundle;
import io.casedesk.cases.service.BundleImporter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.casedesk.cases.ApiClient.asLauncher;
import static io.casedesk.cases.ApiClient.asResponder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The removals a connected system (the Odoo connector) makes when it no longer has a record. */
@QuarkusTest
class RecordRemovalIT {

    private static final String CHANG_LINE_USER_ID = "Uf0d4b5d7bf148e3c5849974bb722897c";

    @Inject
    BundleImporter importer;

    @BeforeEach
    void importDemoData() {
        importer.importBundle(DemoBundle.tree());
    }

    @Test
    void removesACaseWithItsHistory() {
        asLauncher().delete("/api/v1/cases/{number}", "2026-FAM-0142").then().statusCode(204);

        asResponder().get("/api/v1/customers/C-1001/cases/{number}", "2026-FAM-0142").then().statusCode(404);
        asLauncher().delete("/api/v1/cases/{number}", "2026-FAM-0142").then().statusCode(404);
    }

    @Test
    void removesACustomerWithTheirIdentitiesAndCases() {
        asLauncher().delete("/api/v1/customers/{ref}", "C-1001").then().statusCode(204);

        asResponder().get("/api/v1/identities/line/{id}", CHANG_LINE_USER_ID).then().statusCode(404);
        asResponder().get("/api/v1/customers/C-1001/cases").then().statusCode(404);
        asLauncher().delete("/api/v1/customers/{ref}", "C-1001").then().statusCode(404);

        // The next import brings them back, as a connector's next sync of a restored record does.
        importer.importBundle(DemoBundle.tree());
        asResponder().get("/api/v1/identities/line/{id}", CHANG_LINE_USER_ID).then().statusCode(200)
                .body("customerRef", equalTo("C-1001"));
    }

    @Test
    void removesAnArticle() {
        asLauncher().delete("/api/v1/articles/{id}", "kb-office-hours-zh-hant").then().statusCode(204);

        asResponder().get("/api/v1/articles/{id}", "kb-office-hours-zh-hant").then().statusCode(404);
    }

    @Test
    void removalsNeedAServiceKey() {
        given().delete("/api/v1/cases/{number}", "2026-FAM-0142").then().statusCode(401);
        given().delete("/api/v1/customers/{ref}", "C-1001").then().statusCode(401);
    }
}
