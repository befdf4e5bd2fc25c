package io.casedesk.ingress.email.service;

import io.casedesk.ingress.email.config.EmailConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.util.Locale;
import java.util.Properties;

/** Connections to the support mailbox's IMAP server, with timeouts, TLS as configured and fetching that marks nothing. */
final class ImapStores {

    static Store connect(EmailConfig.Imap config) throws MessagingException {
        Store store = Session.getInstance(sessionProperties(config)).getStore(config.protocol());
        store.connect(config.host().orElseThrow(() -> new IllegalStateException("casedesk.email.imap.host is not set")),
                config.port(), config.username().orElse(null), config.password().orElse(null));
        return store;
    }

    /** Closes quietly: a store is closed when it is no longer trusted, and there is nothing to do if that fails. */
    static void close(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                // Already broken; the next use opens a new connection.
            }
        }
    }

    private static Properties sessionProperties(EmailConfig.Imap config) {
        String protocol = config.protocol().toLowerCase(Locale.ROOT);
        String timeout = Long.toString(config.timeout().toMillis());
        Properties properties = new Properties();
        // BODY.PEEK: fetching a mail must not mark it \Seen; that happens only after publishing.
        properties.setProperty("mail." + protocol + ".peek", "true");
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        properties.setProperty("mail." + protocol + ".writetimeout", timeout);
        if (protocol.equals("imap")) {
            properties.setProperty("mail.imap.starttls.enable", Boolean.toString(config.startTls()));
            properties.setProperty("mail.imap.starttls.required", Boolean.toString(config.startTls()));
        }
        return properties;
    }

    private ImapStores() {
    }
}
