package io.casedesk.handoff.rest;

import io.casedesk.handoff.support.InboxSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The inbox needs a signed-in agent; health and metrics stay open for probes and scrapers. */
@QuarkusTest
class SignInIT {

    @Test
    void theInboxAndItsApiSendStrangersToTheSignInPage() {
        given().redirects().follow(false).get("/inbox/")
                .then().statusCode(302).header("Location", endsWith("/inbox/login.html"));
        given().redirects().follow(false).get("/api/v1/inbox/tickets")
                .then().statusCode(302).header("Location", endsWith("/inbox/login.html"));
        given().get("/inbox/login.html").then().statusCode(200).body(containsString("j_security_check"));
        given().get("/inbox/inbox.css").then().statusCode(200);
    }

    @Test
    void aWrongPasswordIsRefused() {
        RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", "agent1", "j_password", "wrong"))
                .post("/j_security_check")
                .then().statusCode(302).header("Location", containsString("/inbox/login.html?error"));
    }

    @Test
    void aSignedInAgentSeesTheirNameAndRoles() {
        InboxSession.signIn("agent1").request().get("/api/v1/inbox/me")
                .then().statusCode(200).body("name", equalTo("agent1")).body("roles", hasItem("agent"));
        InboxSession.signIn("supervisor").request().get("/api/v1/inbox/me")
                .then().statusCode(200).body("roles", hasItem("supervisor"));
        InboxSession.signIn("agent1").request().get("/inbox/").then().statusCode(200).body(containsString("inbox.js"));
    }

    @Test
    void signingOutDropsTheSessionCookie() {
        InboxSession.signIn("agent2").request().post("/api/v1/inbox/logout")
                .then().statusCode(204).header("Set-Cookie", containsString(InboxSession.COOKIE + "=;"));
    }

    @Test
    void healthAndMetricsStayOpen() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("casedesk_handoff_rate"))
                .body(containsString("casedesk_handoff_automation_rate"))
                .body(containsString("casedesk_handoff_csat_average"))
                .body(containsString("casedesk_handoff_first_response_seconds"))
                .body(containsString("casedesk_handoff_time_to_agent_seconds"));
    }

    @Test
    void theHelpdeskEndpointWantsItsKey() {
        given().contentType(ContentType.JSON).body(Map.of("ticketId", "x", "agent", "a", "text", "t"))
                .post("/api/v1/helpdesk/messages").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong")
                .body(Map.of("ticketId", "x", "agent", "a")).post("/api/v1/helpdesk/close").then().statusCode(401);
    }
}
