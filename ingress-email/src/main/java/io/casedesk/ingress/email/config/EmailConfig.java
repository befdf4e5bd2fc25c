package io.casedesk.ingress.email.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The email channel's settings, under {@code casedesk.email}; SMTP itself is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "casedesk.email")
public interface EmailConfig {

    /** The domain of the {@code Message-ID}s of sent mail: {@code <outbound event id@domain>}. */
    @WithDefault("casedesk.local")
    String messageIdDomain();

    /** How many outbound event ids are remembered to recognise a redelivered record. */
    @WithDefault("10000")
    int processedIdsCapacity();

    /** Reading the support mailbox. */
    Imap imap();

    interface Imap {

        /** Off in tests that do not bring an IMAP server. */
        @WithDefault("true")
        boolean enabled();

        /** The support address this mailbox receives for: the {@code mailbox} of every inbound event. */
        String mailbox();

        /** Required when enabled; optional so that a deployment without IMAP needs no dummy values. */
        Optional<String> host();

        @WithDefault("993")
        int port();

        /** {@code imaps} (TLS from the start) or {@code imap}. */
        @WithDefault("imaps")
        String protocol();

        /** {@code imap} only: require STARTTLS. */
        @WithDefault("true")
        boolean startTls();

        Optional<String> username();

        Optional<String> password();

        @WithDefault("INBOX")
        String folder();

        @WithDefault("30S")
        Duration pollInterval();

        /** Where the read position (UIDVALIDITY and last UID) is kept across restarts. */
        @WithDefault(".casedesk/ingress-email")
        String dataDir();

        @WithDefault("26214400")
        long maxMessageBytes();

        @WithDefault("200")
        int maxParts();

        @WithDefault("10")
        int maxDepth();

        @WithDefault("30S")
        Duration timeout();
    }
}
