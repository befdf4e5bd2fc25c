package io.casedesk.linesimulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a process until it is stopped. Settings: see {@link SimulatorConfig#fromEnvironment}.
 * <pre>java -Dline.simulator.users-bundle=lawfirm-demo.json -cp ... io.casedesk.linesimulator.LineSimulatorMain</pre>
 */
public final class LineSimulatorMain {

    private static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    public static void main(String[] args) throws InterruptedException {
        // One line per log record, unless the caller chose a format.
        if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
            System.setProperty(LOG_FORMAT_PROPERTY, "%1$tF %1$tT %4$s [%3$s] %5$s%6$s%n");
        }
        SimulatorConfig config = SimulatorConfig.fromEnvironment(System.getProperties(), System.getenv());
        LineSimulator simulator = LineSimulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "line-simulator-shutdown"));
        stopped.await();
    }

    private LineSimulatorMain() {
    }
}
