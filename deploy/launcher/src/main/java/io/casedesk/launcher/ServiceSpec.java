package io.casedesk.launcher;

import java.util.Map;

/**
 * One CaseDesk service of the local stack.
 *
 * @param module     the Maven module, whose {@code target/quarkus-app/quarkus-run.jar} is started
 * @param port       its HTTP port
 * @param properties system properties that point it at the local broker, database and simulator
 */
record ServiceSpec(String module, int port, Map<String, String> properties) {

    /** Where the launcher reaches it: {@code quarkus.http.host} unless that is every address (then loopback). */
    String baseUrl() {
        String host = properties.getOrDefault("quarkus.http.host", StackSettings.LOOPBACK);
        return "http://" + StackSettings.reachableHost(host) + ":" + port;
    }
}
