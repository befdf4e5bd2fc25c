package io.casedesk.ingress.email.service;

import io.casedesk.ingress.email.config.EmailConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the mailbox reader on one thread of its own ({@code imap-reader}), in one of two modes:
 * <ul>
 * <li>{@code poll}: a pass every poll interval. A failing pass (server down, broker down) is logged and retried at
 * the next interval; it never stops the polling.</li>
 * <li>{@code idle}: a pass, then IMAP IDLE until the server reports a change (or the poll interval passed), then
 * the next pass. A failure (dropped connection, broker down) closes both connections and reconnects after a wait
 * that doubles with each failure up to a maximum. A server without IDLE is polled instead.</li>
 * </ul>
 */
@ApplicationScoped
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);

    private final MailboxReader reader;
    private final EmailConfig.Imap config;
    private ScheduledExecutorService executor;
    private FolderIdle idle;
    private volatile CountDownLatch stopping;

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
        if (executor != null) {
            return;
        }
        stopping = new CountDownLatch(1);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "imap-reader");
            thread.setDaemon(true);
            return thread;
        });
        if (config.mode() == EmailConfig.ImapMode.IDLE) {
            idle = new FolderIdle(config);
            FolderIdle started = idle;
            CountDownLatch stopSignal = stopping;
            ScheduledExecutorService thread = executor;
            executor.execute(() -> idleLoop(started, stopSignal, thread));
            LOG.infof("Reading IMAP folder %s as soon as IDLE reports new mail, at the latest every %s", config.folder(),
                    config.pollInterval());
        } else {
            startPolling(executor);
        }
    }

    /** Stops reading and drops the connections; a pass under way finishes first. */
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        stopping.countDown();
        if (idle != null) {
            idle.wakeUp();
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(config.timeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        if (idle != null) {
            idle.shutdown();
            idle = null;
        }
        reader.disconnect();
    }

    private void startPolling(ScheduledExecutorService executor) {
        executor.scheduleWithFixedDelay(this::poll, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Reading IMAP folder %s every %s", config.folder(), config.pollInterval());
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

    private void idleLoop(FolderIdle folderIdle, CountDownLatch stopSignal, ScheduledExecutorService thread) {
        Duration backoff = config.reconnectInitialDelay();
        while (stopSignal.getCount() > 0) {
            try {
                if (!folderIdle.open()) {
                    LOG.infof("The IMAP server does not offer IDLE: polling instead");
                    try {
                        startPolling(thread);
                    } catch (RejectedExecutionException stopped) {
                        // Stopped meanwhile.
                    }
                    return;
                }
                while (stopSignal.getCount() > 0) {
                    int before = folderIdle.messageCount();
                    int handled = reader.readNewMail();
                    backoff = config.reconnectInitialDelay();
                    if (handled > 0) {
                        LOG.debugf("Handled %d mails", handled);
                    }
                    // Mail that arrived during the pass is read at once, not after the next IDLE (not every
                    // server reports it when IDLE starts); only a pass that found the folder as it is now idles.
                    if (handled == 0 && folderIdle.messageCount() == before) {
                        folderIdle.await(config.pollInterval());
                    }
                }
            } catch (Exception e) {
                if (stopSignal.getCount() == 0) {
                    break;
                }
                // The server's message can quote addresses: log the type only.
                LOG.warnf("IMAP IDLE or pass failed (%s); reconnecting in %s", e.getClass().getSimpleName(), backoff);
                folderIdle.close();
                reader.disconnect();
                if (awaitStop(stopSignal, backoff)) {
                    break;
                }
                backoff = min(backoff.multipliedBy(2), config.reconnectMaxDelay());
            }
        }
        folderIdle.close();
    }

    /** Waits {@code delay} unless the reader is stopped first; true when stopped. */
    private static boolean awaitStop(CountDownLatch stopSignal, Duration delay) {
        try {
            return stopSignal.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
