package io.casedesk.odoostandin;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * Runs the stand-in as a process until it is stopped. Settings: see {@link StandInConfig#fromEnvironment};
 * {@code -Dodoo.standin.data=demo -Dodoo.standin.bundle=deploy/demo-data/lawfirm-demo.json} loads the demo firm,
 * {@code -Dodoo.standin.data=generate -Dodoo.standin.partners=10000 -Dodoo.standin.tasks=20000} realistic bulk data.
 */
public final class OdooStandInMain {

    private static final Logger LOG = Logger.getLogger(OdooStandInMain.class.getName());
    private static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
            System.setProperty(LOG_FORMAT_PROPERTY, "%1$tF %1$tT %4$s [%3$s] %5$s%6$s%n");
        }
        StandInConfig config = StandInConfig.fromEnvironment(System.getProperties(), System.getenv());
        RecordStore store = new RecordStore();
        switch (config.demoData()) {
            case "demo" -> {
                if (config.bundle() == null) {
                    throw new IllegalArgumentException("odoo.standin.bundle must name the demo bundle");
                }
                DemoFirmLoader.load(store, Path.of(config.bundle()));
            }
            case "generate" -> DataGenerator.generate(store, config.partners(), config.tasks(), 42);
            case "empty" -> {
                // Only what every database has.
            }
            default -> throw new IllegalArgumentException("odoo.standin.data must be demo, generate or empty");
        }
        LOG.info(() -> "Records: " + store.counts());
        OdooStandIn standIn = OdooStandIn.start(config, store);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.close();
            stopped.countDown();
        }, "odoo-standin-shutdown"));
        stopped.await();
    }

    private OdooStandInMain() {
    }
}
