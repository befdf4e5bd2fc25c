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

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
