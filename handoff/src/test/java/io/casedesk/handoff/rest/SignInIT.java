package io.casedesk.handoff.rest;

import io.casedesk.handoff.support.InboxSession;
import io.casedesk.handoff.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The inbox needs a signed-in agent; health and metrics stay open for probes and scrapers. */
@QuarkusTest
class SignInIT {

    @Inject
    TestClock clock;

    /**
     * The lockouts happen a month after the other tests' time, each test days after the one before, so they are over
     * for the next test; tests that go back to their Monday morning find them set further ahead than any lockout lasts,
     * which the throttle ignores.
     */
    @BeforeEach
    void aMonthLaterAndDaysAfterTheLastTest() {
        clock.jumpTo(TestClock.MONDAY_MORNING.plus(Duration.ofDays(30L + 3L * testsRun++)));
    }

    private static int testsRun;

    @Test
    void fiveWrongPasswordsForAUserRefuseEvenTheRightOneForAWhile() {
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn("agent2", "wrong-" + attempt).then().statusCode(302)
                    .header("Location", containsString("/inbox/login.html?error"));
        }

        var refused = signIn("agent2", "agent2");
        refused.then().statusCode(302).header("Location", containsString("/inbox/login.html?error"));
        org.assertj.core.api.Assertions.assertThat(refused.getCookie(InboxSession.COOKIE)).as("no session").isNullOrEmpty();
        // Another user is not locked out.
        InboxSession.signIn("supervisor").request().get("/api/v1/inbox/me").then().statusCode(200);

        clock.advance(Duration.ofMinutes(16));
        InboxSession.signIn("agent2").request().get("/api/v1/inbox/me").then().statusCode(200);
        // The next lockout of the day lasts twice as long.
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn("agent2", "wrong-" + attempt).then().statusCode(302);
        }
        clock.advance(Duration.ofMinutes(16));
        signIn("agent2", "agent2").then().header("Location", containsString("/inbox/login.html?error"));
        clock.advance(Duration.ofMinutes(15));
        InboxSession.signIn("agent2").request().get("/api/v1/inbox/me").then().statusCode(200);
    }

    @Test
    void twentyWrongPasswordsFromOneAddressRefuseEveryUserFromThere() {
        for (int attempt = 0; attempt < 20; attempt++) {
            signIn("guess-" + attempt, "wrong").then().statusCode(302);
        }

        signIn("supervisor", "supervisor").then().statusCode(302)
                .header("Location", containsString("/inbox/login.html?error"));
        clock.advance(Duration.ofMinutes(16));
        InboxSession.signIn("supervisor").request().get("/api/v1/inbox/me").then().statusCode(200);
    }

    private static io.restassured.response.Response signIn(String user, String password) {
        return RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", user, "j_password", password))
                .post("/j_security_check");
    }

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
                .body(containsString("casedesk_handoff_conversations_total"))
                .body(containsString("casedesk_handoff_conversations_handed_off_total"))
                .body(containsString("casedesk_handoff_rating_count"))
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
