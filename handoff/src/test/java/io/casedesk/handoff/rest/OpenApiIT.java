package io.casedesk.handoff.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox and helpdesk API as /q/openapi describes it: every operation named and summarised, who may call it, and
 * its errors as problem details.
 */
@QuarkusTest
class OpenApiIT {

    private static final String PROBLEM = "#/components/schemas/Problem";

    private String document;
    private JsonPath openApi;
    private Map<String, Map<String, Map<String, Object>>> paths;

    @BeforeEach
    void readTheDocument() {
        document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        openApi = new JsonPath(document);
        paths = openApi.getMap("paths");
    }

    @Test
    void everyOperationHasItsOwnOperationIdAndASummary() {
        Map<String, String> operationIds = new TreeMap<>();
        Set<String> unique = new HashSet<>();
        each((path, method) -> {
            String operationId = operation(path, method).getString("operationId");
            assertThat(operationId).as(method + " " + path).isNotBlank();
            assertThat(unique.add(operationId)).as("operationId " + operationId + " used once").isTrue();
            assertThat(operation(path, method).getString("summary")).as(method + " " + path).isNotBlank();
            operationIds.put(method.toUpperCase() + " " + path, operationId);
        });
        assertThat(operationIds).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("GET /api/v1/inbox/me", "getMe"),
                Map.entry("POST /api/v1/inbox/me/away", "setAway"),
                Map.entry("POST /api/v1/inbox/logout", "signOut"),
                Map.entry("GET /api/v1/inbox/tickets", "listTickets"),
                Map.entry("GET /api/v1/inbox/tickets/{id}", "getTicket"),
                Map.entry("POST /api/v1/inbox/tickets/{id}/take", "takeTicket"),
                Map.entry("POST /api/v1/inbox/tickets/{id}/reply", "replyToTicket"),
                Map.entry("POST /api/v1/inbox/tickets/{id}/notes", "addTicketNote"),
                Map.entry("POST /api/v1/inbox/tickets/{id}/draft/approve", "approveDraft"),
                Map.entry("POST /api/v1/inbox/tickets/{id}/draft/edit", "editDraft"),
                Map.entry("POST /api/v1/inbox/tickets/{id}/draft/reject", "rejectDraft"),
                Map.entry("POST /api/v1/inbox/tickets/{id}/close", "closeTicket"),
                Map.entry("POST /api/v1/inbox/tickets/{id}/pause", "pauseBotForTicket"),
                Map.entry("POST /api/v1/inbox/tickets/{id}/resume", "resumeBotForTicket"),
                Map.entry("GET /api/v1/inbox/tickets/{id}/canned-responses", "listCannedResponsesForTicket"),
                Map.entry("GET /api/v1/inbox/tickets/{id}/attachments/{attachmentId}", "downloadAttachment"),
                Map.entry("GET /api/v1/inbox/canned-responses", "listCannedResponses"),
                Map.entry("POST /api/v1/inbox/canned-responses", "createCannedResponse"),
                Map.entry("PUT /api/v1/inbox/canned-responses/{id}", "updateCannedResponse"),
                Map.entry("DELETE /api/v1/inbox/canned-responses/{id}", "deleteCannedResponse"),
                Map.entry("POST /api/v1/inbox/tickets/{id}/history/{turn}/wrong", "markBotAnswerWrong"),
                Map.entry("GET /api/v1/inbox/feedback/export", "exportAnswerFeedback"),
                Map.entry("POST /api/v1/inbox/bot/pause", "pauseBot"),
                Map.entry("POST /api/v1/inbox/bot/resume", "resumeBot"),
                Map.entry("GET /api/v1/inbox/metrics", "getMetrics"),
                Map.entry("GET /api/v1/inbox/knowledge/groups", "listKnowledgeGroups"),
                Map.entry("GET /api/v1/inbox/knowledge/groups/{id}", "getKnowledgeGroup"),
                Map.entry("PUT /api/v1/inbox/knowledge/groups/{id}/drafts/{language}", "editKnowledgeDraft"),
                Map.entry("POST /api/v1/inbox/knowledge/groups/{id}/drafts/{language}/approve", "approveKnowledgeDraft"),
                Map.entry("POST /api/v1/inbox/knowledge/groups/{id}/drafts/{language}/reject", "rejectKnowledgeDraft"),
                Map.entry("GET /api/v1/inbox/stream", "streamInboxEvents"),
                Map.entry("POST /api/v1/helpdesk/messages", "postHelpdeskMessage"),
                Map.entry("POST /api/v1/helpdesk/close", "closeFromHelpdesk")));
    }

    @Test
    void theInboxNeedsASignedInAgentAndSaysWhatHappensWithoutOne() {
        assertThat(openApi.getString("components.securitySchemes.inbox-session.type")).isEqualTo("apiKey");
        assertThat(openApi.getString("components.securitySchemes.inbox-session.in")).isEqualTo("cookie");
        assertThat(openApi.getString("components.securitySchemes.inbox-session.name")).isEqualTo("casedesk-inbox");
        each((path, method) -> {
            if (!path.startsWith("/api/v1/inbox/")) {
                return;
            }
            JsonPath operation = operation(path, method);
            assertThat(operation.getList("security.inbox-session")).as(method + " " + path).isNotNull();
            assertThat(operation.getString("responses.'302'.description")).as(method + " " + path)
                    .contains("/inbox/login.html");
            assertThat(operation.getString("responses.'403'.description")).as(method + " " + path)
                    .startsWith("forbidden");
        });
    }

    @Test
    void everyInboxAnswerHasItsSchema() {
        each((path, method) -> {
            if (!path.startsWith("/api/v1/inbox/") || path.equals("/api/v1/inbox/logout") || method.equals("delete")) {
                return;
            }
            String success = method.equals("post") && path.equals("/api/v1/inbox/canned-responses") ? "201" : "200";
            assertThat(operation(path, method).getMap("responses.'" + success + "'.content")).as(method + " " + path)
                    .isNotEmpty();
        });
        assertThat(operation("/api/v1/inbox/tickets/{id}/reply", "post")
                .getString("responses.'200'.content.'application/json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Detail");
        assertThat(operation("/api/v1/inbox/tickets", "get")
                .getString("responses.'200'.content.'application/json'.schema.items.$ref"))
                .isEqualTo("#/components/schemas/Summary");
        assertThat(operation("/api/v1/inbox/stream", "get").getMap("responses.'200'.content"))
                .containsKey("text/event-stream");
        assertThat(operation("/api/v1/inbox/feedback/export", "get").getMap("responses.'200'.content"))
                .containsKey("application/x-ndjson");
        assertThat(operation("/api/v1/inbox/logout", "post").getMap("responses")).containsKey("204");
        assertThat(operation("/api/v1/inbox/canned-responses/{id}", "delete").getMap("responses")).containsKey("204");
        assertThat(operation("/api/v1/inbox/canned-responses", "post").getMap("responses"))
                .containsKeys("201", "400", "409");
    }

    @Test
    void theHelpdeskApiIsDescribedWithItsKeyItsBodiesAndItsAnswers() {
        assertThat(openApi.getString("components.securitySchemes.helpdesk-key.type")).isEqualTo("http");
        assertThat(openApi.getString("components.securitySchemes.helpdesk-key.scheme")).isEqualTo("bearer");
        for (String path : List.of("/api/v1/helpdesk/messages", "/api/v1/helpdesk/close")) {
            JsonPath operation = operation(path, "post");
            assertThat(operation.getList("security.helpdesk-key")).as(path).isNotNull();
            assertThat(operation.getList("tags")).as(path).containsExactly("helpdesk");
            assertThat(operation.getMap("responses")).as(path).containsKeys("202", "400", "401", "404", "409");
            assertThat(operation.getString("responses.'401'.description")).as(path).startsWith("unauthorized");
            assertThat(operation.getList("parameters")).as("the key is a security scheme, not a parameter").isNull();
        }
        assertThat(schemaOf("/api/v1/helpdesk/messages")).containsKeys("ticketId", "agent", "text");
        assertThat(schemaOf("/api/v1/helpdesk/close")).containsKeys("ticketId", "agent");
    }

    @Test
    void everyErrorIsProblemDetails() {
        assertThat(openApi.getMap("components.schemas.Problem.properties"))
                .containsKeys("type", "title", "status", "detail", "error");
        int errors = 0;
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().keySet()) {
                Map<String, Object> responses = operation(path.getKey(), method).getMap("responses");
                for (String code : responses.keySet()) {
                    if (code.startsWith("4")) {
                        errors++;
                        assertThat(operation(path.getKey(), method).getString(
                                "responses.'" + code + "'.content.'application/problem+json'.schema.$ref"))
                                .as(code + " of " + method + " " + path.getKey()).isEqualTo(PROBLEM);
                    }
                }
            }
        }
        assertThat(errors).isGreaterThan(40);
    }

    private Map<String, Object> schemaOf(String path) {
        String ref = operation(path, "post").getString("requestBody.content.'application/json'.schema.$ref");
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return openApi.getMap("components.schemas." + name + ".properties");
    }

    private JsonPath operation(String path, String method) {
        return new JsonPath(document).setRootPath("paths.'" + path + "'." + method);
    }

    private void each(java.util.function.BiConsumer<String, String> check) {
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> check.accept(path, method)));
    }
}
