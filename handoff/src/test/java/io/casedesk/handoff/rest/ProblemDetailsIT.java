package io.casedesk.handoff.rest;

import io.casedesk.handoff.support.HelpdeskTestResource;
import io.casedesk.handoff.support.InboxSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

/** Errors of the inbox and helpdesk API as RFC 9457 problem details, with the code the inbox translates. */
@QuarkusTest
class ProblemDetailsIT {

    @Test
    void aWrongHelpdeskKeyIsAnUnauthorizedProblemWithItsChallenge() {
        problem(given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong")
                .body(Map.of("ticketId", "x", "agent", "a", "text", "t")).post("/api/v1/helpdesk/messages").then(),
                401, "unauthorized")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void aRefusedActionNamesItsReason() {
        problem(helpdesk().body(Map.of("ticketId", "x", "agent", " ")).post("/api/v1/helpdesk/close").then(),
                400, "empty_text")
                .body("type", equalTo("urn:casedesk:problem:empty_text"))
                .body("title", equalTo("Text missing"))
                .body("detail", equalTo("ticketId and agent are required"));
    }

    @Test
    void anUnknownTicketIsNotFound() {
        problem(helpdesk().body(Map.of("ticketId", "no-such-ticket", "agent", "a", "text", "hello"))
                .post("/api/v1/helpdesk/messages").then(), 404, "not_found")
                .body("type", equalTo("urn:casedesk:problem:not_found"));
        problem(InboxSession.signIn("agent1").request().get("/api/v1/inbox/tickets/no-such-ticket").then(),
                404, "not_found");
    }

    @Test
    void anAgentWhoMayNotIsForbidden() {
        problem(InboxSession.signIn("agent1").request().post("/api/v1/inbox/bot/pause").then(), 403, "forbidden");
    }

    @Test
    void aMalformedRequestIsABadRequest() {
        problem(InboxSession.signIn("agent1").request().queryParam("scope", "everything")
                .get("/api/v1/inbox/tickets").then(), 400, "bad_request")
                .body("detail", equalTo("scope must be open or closed"));
    }

    private static io.restassured.specification.RequestSpecification helpdesk() {
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + HelpdeskTestResource.INBOUND_KEY);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("error", equalTo(code))
                .body("title", not(emptyOrNullString()))
                .body("type", not(emptyOrNullString()));
    }
}
