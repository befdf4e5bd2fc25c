package io.casedesk.cases.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every API operation is described at /q/openapi, with a summary, under the bearer service-key scheme with its role. */
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
                "/api/v1/conversations/{conversationId}/turns", "/api/v1/retention", "/api/v1/import",
                "/api/v1/cases/{number}");
        assertThat(paths.get("/api/v1/customers/{ref}")).containsKey("delete");
        assertThat(paths.get("/api/v1/articles/{id}")).containsKeys("delete", "put");
        assertThat(paths.get("/api/v1/articles/{id}/revisions")).containsKey("get");
        // The one-call lookup writes the stored salutation unparsed; it is still described as the object it is.
        assertThat(openApi.getString("components.schemas.CustomerCasesView.properties.salutation.type"))
                .isEqualTo("object");
        assertThat(openApi.getString("components.schemas.CustomerCasesView.properties.cases.type")).isEqualTo("array");
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                assertThat(operation.get("summary")).as(method + " " + path).isNotNull()));
    }

    @Test
    void everyOperationHasItsOwnIdAndDescribesAMissingKeyAndAMissingRoleAsProblemDetails() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();

        Set<String> operationIds = new HashSet<>();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String operationId = (String) operation.get("operationId");
            assertThat(operationId).as(method + " " + path).isNotBlank();
            assertThat(operationIds.add(operationId)).as("operationId " + operationId + " is unique").isTrue();
            for (String status : List.of("401", "403")) {
                String prefix = "paths.'" + path + "'." + method + ".responses.'" + status + "'";
                assertThat(openApi.getString(prefix + ".description")).as(status + " of " + method + " " + path)
                        .isNotBlank();
                assertThat(openApi.getMap(prefix + ".content")).as(status + " of " + method + " " + path)
                        .containsOnlyKeys("application/problem+json");
            }
        }));
        assertThat(openApi.getMap("components.schemas.ApiError.properties")).containsKeys("type", "title", "status",
                "detail", "error");
        assertThat(operationIds).contains("publishArticle", "listArticleRevisions");
        assertThat(openApi.getString("paths.'/api/v1/articles/{id}'.put.operationId")).isEqualTo("publishArticle");
        assertThat(openApi.getString("paths.'/api/v1/articles/{id}/revisions'.get.operationId"))
                .isEqualTo("listArticleRevisions");
        assertThat(openApi.getString("paths.'/api/v1/articles/{id}'.put.responses.'403'.description"))
                .contains("publish-kb");
        assertThat(openApi.getMap("paths.'/api/v1/articles/{id}'.put.responses")).containsKeys("200", "201", "400",
                "401", "403");
    }

    @Test
    void everyOperationNamesTheOneRoleItNeeds() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();

        Map<String, String> roles = new TreeMap<>();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            List<Map<String, List<String>>> security = openApi.getList(
                    "paths.'" + path + "'." + method + ".security");
            assertThat(security).as(method + " " + path).hasSize(1);
            assertThat(security.get(0).get("service-key")).as(method + " " + path).hasSize(1);
            roles.put(method.toUpperCase() + " " + path, security.get(0).get("service-key").get(0));
        }));
        assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("GET /api/v1/identities/{channel}/{externalId}", "read-identity"),
                Map.entry("GET /api/v1/identities/{channel}/{externalId}/customer", "read-cases"),
                Map.entry("POST /api/v1/identities/{channel}/{externalId}/link", "link"),
                Map.entry("POST /api/v1/identities/{channel}/{externalId}/link/code-request", "link"),
                Map.entry("GET /api/v1/customers/{ref}/cases", "read-cases"),
                Map.entry("GET /api/v1/customers/{ref}/cases/{number}", "read-cases"),
                Map.entry("GET /api/v1/customers/{ref}/conversation-turns", "read-history"),
                Map.entry("GET /api/v1/conversations/{conversationId}/turns", "read-history"),
                Map.entry("GET /api/v1/firm", "read-kb"),
                Map.entry("GET /api/v1/articles", "read-kb"),
                Map.entry("GET /api/v1/articles/{id}", "read-kb"),
                Map.entry("GET /api/v1/articles/{id}/revisions", "read-kb"),
                // A supervisor's approved article, from the agent inbox (handoff).
                Map.entry("PUT /api/v1/articles/{id}", "publish-kb"),
                Map.entry("POST /api/v1/import", "import"),
                // Removing what the system a firm imports from no longer has is part of importing.
                Map.entry("DELETE /api/v1/customers/{ref}", "import"),
                Map.entry("DELETE /api/v1/cases/{number}", "import"),
                Map.entry("DELETE /api/v1/articles/{id}", "import"),
                Map.entry("GET /api/v1/retention", "retention")));
    }
}
