package io.casedesk.handoff.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent signed in to the inbox through the real form sign-in, with its session cookie. */
public final class InboxSession {

    public static final String COOKIE = "casedesk-inbox";

    private final String cookie;

    private InboxSession(String cookie) {
        this.cookie = cookie;
    }

    public static InboxSession signIn(String user, String password) {
        Response response = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("j_username", user, "j_password", password))
                .post("/j_security_check");
        assertThat(response.getStatusCode()).as("sign-in of " + user).isEqualTo(302);
        String cookie = response.getCookie(COOKIE);
        assertThat(cookie).as("session cookie of " + user).isNotBlank();
        return new InboxSession(cookie);
    }

    public static InboxSession signIn(String user) {
        return signIn(user, user);
    }

    public RequestSpecification request() {
        return RestAssured.given().cookie(COOKIE, cookie).redirects().follow(false).accept(ContentType.JSON);
    }

    public RequestSpecification json(Object body) {
        return request().contentType(ContentType.JSON).body(body);
    }
}
