package io.casedesk.ingress.line;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Until the idempotency warm-up is done the webhook answers 503: tests that post wait for readiness first. */
public final class ServiceReadiness {

    public static void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private ServiceReadiness() {
    }
}
