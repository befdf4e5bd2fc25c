package io.casedesk.ingress.email.service;

import io.casedesk.ingress.email.config.EmailConfig;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits for changes in the support folder with IMAP IDLE (RFC 2177), on a connection of its own: the reader
 * opens and closes the folder on its connection for every pass, while this one stays in the folder (read-only)
 * so the server can tell it at once when a mail arrives.
 */
final class FolderIdle implements AutoCloseable {

    private final EmailConfig.Imap config;
    /** Ends an IDLE that lasted the longest wait: RFC 2177 asks to renew it well within 29 minutes anyway. */
    private final ScheduledExecutorService timer;
    private Store store;
    private volatile IMAPFolder folder;

    FolderIdle(EmailConfig.Imap config) {
        this.config = config;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "imap-idle-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects and opens the folder; false (and nothing open) when the server does not offer IDLE. */
    boolean open() throws MessagingException {
        close();
        store = ImapStores.connect(config);
        if (!(store instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
            closeStore();
            return false;
        }
        IMAPFolder opened = (IMAPFolder) store.getFolder(config.folder());
        opened.open(Folder.READ_ONLY);
        folder = opened;
        return true;
    }

    /**
     * How many mails the folder holds, as the server says now: a {@code NOOP} brings the changes it has not
     * reported yet. Compared before and after a pass, it tells whether a mail arrived during the pass, which some
     * servers (GreenMail) do not report when the next IDLE starts.
     */
    int messageCount() throws MessagingException {
        IMAPFolder watched = openFolder();
        watched.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
        return watched.getMessageCount();
    }

    /** Returns when the server reports a change in the folder, when {@link #wakeUp()} is called, or after {@code maxWait}. */
    void await(Duration maxWait) throws MessagingException {
        IMAPFolder watched = openFolder();
        ScheduledFuture<?> timeout = timer.schedule(() -> interrupt(watched), maxWait.toMillis(), TimeUnit.MILLISECONDS);
        try {
            watched.idle(true);
        } finally {
            timeout.cancel(false);
        }
    }

    private IMAPFolder openFolder() {
        IMAPFolder watched = folder;
        if (watched == null) {
            throw new IllegalStateException("The folder is not open");
        }
        return watched;
    }

    /** Ends an IDLE under way, from another thread. */
    void wakeUp() {
        IMAPFolder watched = folder;
        if (watched != null) {
            interrupt(watched);
        }
    }

    /**
     * Any command on the folder makes Angus Mail end the IDLE first (it sends {@code DONE}); a {@code NOOP} is the
     * command that changes nothing.
     */
    private static void interrupt(IMAPFolder watched) {
        try {
            watched.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            // The connection is gone: the waiting thread gets its own exception and reconnects.
        }
    }

    @Override
    public void close() {
        IMAPFolder open = folder;
        folder = null;
        if (open != null && open.isOpen()) {
            try {
                open.close(false);
            } catch (MessagingException | RuntimeException e) {
                // Closing the store below drops the connection anyway.
            }
        }
        closeStore();
    }

    /** Closes the connection and stops the timer: for good. */
    void shutdown() {
        close();
        timer.shutdownNow();
    }

    private void closeStore() {
        ImapStores.close(store);
        store = null;
    }
}
