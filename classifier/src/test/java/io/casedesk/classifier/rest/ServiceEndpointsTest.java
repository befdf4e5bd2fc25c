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

    @Test
    void triagesATextOnRequest() {
        given().contentType(ContentType.JSON).body("{\"text\":\"我要找真人客服\"}")
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
        given().contentType(ContentType.JSON).body("{\"text\":\" \"}")
                .when().post("/api/v1/triage")
                .then().statusCode(400);
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
