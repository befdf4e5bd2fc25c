package io.casedesk.ingress.email.service;

import io.casedesk.ingress.email.config.EmailConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the mailbox every poll interval on one thread of its own. A failing pass (server down, broker down) is
 * logged and retried at the next interval; it never stops the polling.
 */
@ApplicationScoped
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);

    private final MailboxReader reader;
    private final EmailConfig.Imap config;
    private ScheduledExecutorService scheduler;

    MailboxPoller(MailboxReader reader, EmailConfig config) {
        this.reader = reader;
        this.config = config.imap();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            if (config.host().isEmpty() || config.username().isEmpty()) {
                throw new IllegalStateException("IMAP reading is enabled but casedesk.email.imap.host or "
                        + ".username is not set (IMAP_HOST, IMAP_USERNAME; or IMAP_ENABLED=false)");
            }
            start();
        } else {
            LOG.info("IMAP reading is disabled (casedesk.email.imap.enabled=false)");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "imap-reader");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::poll, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Reading IMAP folder %s every %s", config.folder(), config.pollInterval());
    }

    /** Stops polling and drops the connection; a pass under way finishes first. */
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(config.timeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        reader.disconnect();
    }

    private void poll() {
        try {
            int handled = reader.readNewMail();
            if (handled > 0) {
                LOG.debugf("Handled %d mails", handled);
            }
        } catch (Exception e) {
            // The server's message can quote addresses: log the type only.
            LOG.warnf("IMAP pass failed (%s); retrying in %s", e.getClass().getSimpleName(), config.pollInterval());
            reader.disconnect();
        }
    }
}
