package io.casedesk.cases.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every API operation is described at /q/openapi, with a summary, under the bearer service-key scheme. */
@QuarkusTest
class OpenApiIT {

    @Test
    void everyOperationHasASummaryAndTheBearerSchemeIsDeclared() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();

        assertThat(openApi.getString("components.securitySchemes.service-key.scheme")).isEqualTo("bearer");
        assertThat(openApi.getList("security.service-key")).isNotNull();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/identities/{channel}/{externalId}/customer",
                "/api/v1/identities/{channel}/{externalId}/link",
                "/api/v1/identities/{channel}/{externalId}/link/code-request",
                "/api/v1/conversations/{conversationId}/turns", "/api/v1/retention", "/api/v1/import");
        // The one-call lookup writes the stored salutation unparsed; it is still described as the object it is.
        assertThat(openApi.getString("components.schemas.CustomerCasesView.properties.salutation.type"))
                .isEqualTo("object");
        assertThat(openApi.getString("components.schemas.CustomerCasesView.properties.cases.type")).isEqualTo("array");
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                assertThat(operation.get("summary")).as(method + " " + path).isNotNull()));
    }
}
