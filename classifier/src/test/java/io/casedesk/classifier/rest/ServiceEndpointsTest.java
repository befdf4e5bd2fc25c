package io.casedesk.classifier.rest;

import io.casedesk.classifier.support.InMemoryChannels;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(InMemoryChannels.class)
class ServiceEndpointsTest {

    private static final String API_KEY = "dev-classifier-key";

    @Test
    void triagesATextOnRequest() {
        given().auth().oauth2(API_KEY).contentType(ContentType.JSON).body("{\"text\":\"我要找真人客服\"}")
                .when().post("/api/v1/triage")
                .then().statusCode(200)
                .body("intent", equalTo("human_request"))
                .body("needsHuman", equalTo(true))
                .body("language", equalTo("zh-Hant"))
                .body("engine", equalTo("local"))
                .body("reasons", hasItem("needs_human:explicit_request"));
    }

    @Test
    void refusesARequestWithoutText() {
        given().auth().oauth2(API_KEY).contentType(ContentType.JSON).body("{\"text\":\" \"}")
                .when().post("/api/v1/triage")
                .then().statusCode(400);
    }

    @Test
    void refusesCallersWithoutTheKey() {
        given().contentType(ContentType.JSON).body("{\"text\":\"我要找真人客服\"}")
                .when().post("/api/v1/triage")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer").body("error", equalTo("unauthorized"));
        given().auth().oauth2("wrong-key").contentType(ContentType.JSON).body("{\"text\":\"我要找真人客服\"}")
                .when().post("/api/v1/triage")
                .then().statusCode(401);
        given().auth().oauth2(API_KEY.toUpperCase()).contentType(ContentType.JSON).body("{\"text\":\"hi\"}")
                .when().post("/api/v1/triage")
                .then().statusCode(401);
    }

    @Test
    void refusesTextsLongerThanALineMessageAndBodiesOverTheLimit() {
        given().auth().oauth2(API_KEY).contentType(ContentType.JSON)
                .body("{\"text\":\"" + "案".repeat(5000) + "\"}")
                .when().post("/api/v1/triage")
                .then().statusCode(200);
        given().auth().oauth2(API_KEY).contentType(ContentType.JSON)
                .body("{\"text\":\"" + "案".repeat(5001) + "\"}")
                .when().post("/api/v1/triage")
                .then().statusCode(413).body("error", equalTo("text_too_long"));
        // The 650 KB text of the report: refused before it is read.
        given().auth().oauth2(API_KEY).contentType(ContentType.JSON)
                .body("{\"text\":\"" + "a".repeat(650 * 1024) + "\"}")
                .when().post("/api/v1/triage")
                .then().statusCode(413);
    }

    @Test
    void reportsHealth() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void exposesItsMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("casedesk_classifier_dead_lettered_total"));
    }
}
