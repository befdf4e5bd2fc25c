package io.casedesk.handoff.messaging;

import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Runs a consumer's change again when it failed for a reason that may pass: two changes of one ticket at
 * once (optimistic locking, the one-open-ticket index), a database or broker hiccup. Only when every
 * attempt failed does the record go to its dead-letter topic. The change is idempotent, so running it
 * again is safe.
 */
final class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);
    static final int ATTEMPTS = 3;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);

    static void run(String what, Runnable change) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                change.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("%s failed (%s), attempt %d of %d", what, e.getClass().getSimpleName(), attempt, ATTEMPTS);
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2);
            }
        }
    }

    private Retrying() {
    }
}
