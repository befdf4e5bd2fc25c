package io.casedesk.ingress.email.config;

import io.quarkus.runtime.configuration.MemorySize;
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

    /** Sending answers: the SMTP server itself is {@code quarkus.mailer.*}. */
    Smtp smtp();

    /** Reading the support mailbox. */
    Imap imap();

    /** The files customers sent, read again from the mailbox when handoff asks ({@code /internal/attachments}). */
    Attachments attachments();

    interface Attachments {
        /** The SHA-256 (hex) of the key that may read files (scope {@code attachments-read}); none: refused. */
        Optional<String> keySha256();

        /** Files larger than this are not passed on (413); decoding stops there. */
        @WithDefault("10M")
        MemorySize maxBytes();
    }

    interface Smtp {

        Retry retry();

        /**
         * A transient failure (connection refused or lost, timeout, SMTP 4xx) is tried again after
         * {@code initial-delay}, then after twice that, and so on up to {@code max-delay}; a permanent one (SMTP 5xx,
         * an invalid address) is not. The sender thread waits meanwhile, so the bound keeps one dead server from
         * holding the queue for long: after the last retry the answer is reported failed and handed to a person.
         */
        interface Retry {

            /** Retries after the first attempt; 0 sends once. */
            @WithDefault("3")
            int maxRetries();

            @WithDefault("1S")
            Duration initialDelay();

            @WithDefault("30S")
            Duration maxDelay();
        }
    }

    /** How new mail is noticed. */
    enum ImapMode {
        /** Read every {@code poll-interval}. */
        POLL,
        /**
         * Wait with IMAP IDLE (RFC 2177) and read as soon as the server reports a change, at the latest every
         * {@code poll-interval}; polls when the server does not offer IDLE.
         */
        IDLE
    }

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

        @WithDefault("idle")
        ImapMode mode();

        /** Poll mode: the time between passes. Idle mode: the longest wait without a pass (IDLE is renewed then). */
        @WithDefault("30S")
        Duration pollInterval();

        /** Idle mode: the wait before reconnecting after a failure, doubled after each one up to the maximum. */
        @WithDefault("1S")
        Duration reconnectInitialDelay();

        @WithDefault("60S")
        Duration reconnectMaxDelay();

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
