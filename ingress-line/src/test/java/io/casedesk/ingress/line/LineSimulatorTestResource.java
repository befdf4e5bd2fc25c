package io.casedesk.ingress.line;

import io.casedesk.linesimulator.LineSimulator;
import io.casedesk.linesimulator.SimulatedUser;
import io.casedesk.linesimulator.SimulatorConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/** Starts the LINE simulator in the test JVM and points the service's SDK client at it. */
public class LineSimulatorTestResource implements QuarkusTestResourceLifecycleManager {

    /** A user whose profile the simulator knows. */
    public static final SimulatedUser CUSTOMER =
            new SimulatedUser("Uf0d4b5d7bf148e3c5849974bb722897c", "張志明", "zh-Hant", "C-1001");

    private static LineSimulator simulator;

    /** The running simulator; call {@link LineSimulator#webhookUrl} with the test's webhook URL before posting. */
    public static LineSimulator simulator() {
        return simulator;
    }

    @Override
    public Map<String, String> start() {
        simulator = LineSimulator.start(SimulatorConfig.forTests().withUsers(List.of(CUSTOMER)));
        return Map.of("casedesk.line.api-base-url", simulator.baseUrl().toString(),
                "casedesk.line.data-api-base-url", simulator.baseUrl().toString());
    }

    @Override
    public void stop() {
        simulator.close();
    }
}
