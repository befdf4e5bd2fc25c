package io.casedesk.handoff.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the stand-in helpdesk and points the connector at it, with basic auth and a fast backoff. */
public class HelpdeskTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String USERNAME = "casedesk";
    public static final String PASSWORD = "helpdesk-password";
    public static final String INBOUND_KEY = "test-helpdesk-key";

    private static HelpdeskStandIn helpdesk;

    public static HelpdeskStandIn helpdesk() {
        return helpdesk;
    }

    @Override
    public Map<String, String> start() {
        helpdesk = new HelpdeskStandIn();
        return Map.of(
                "casedesk.handoff.helpdesk.enabled", "true",
                "casedesk.handoff.helpdesk.base-url", helpdesk.baseUrl(),
                "casedesk.handoff.helpdesk.username", USERNAME,
                "casedesk.handoff.helpdesk.password", PASSWORD,
                "casedesk.handoff.helpdesk.inbound-key", INBOUND_KEY,
                "casedesk.handoff.helpdesk.backoff", "PT0.05S");
    }

    @Override
    public void stop() {
        if (helpdesk != null) {
            helpdesk.close();
        }
    }
}
