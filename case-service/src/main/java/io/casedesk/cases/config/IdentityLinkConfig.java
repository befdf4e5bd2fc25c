package io.casedesk.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How unknown identities are linked to customers (DESIGN §4): {@code casedesk.identity-link.*}. */
@ConfigMapping(prefix = "casedesk.identity-link")
public interface IdentityLinkConfig {

    /** How long a one-time code can be used. */
    @WithDefault("10m")
    Duration codeValidity();

    /** The support address the code email is sent from (and whose conversation it belongs to). */
    String mailbox();

    /**
     * Per LINE user or email address: failed links and code requests. The identity an attacker can replace at
     * will, so it only slows one identity down.
     */
    @WithDefault("5")
    int maxAttempts();

    @WithDefault("15m")
    Duration attemptWindow();

    /** The first lockout of an identity in a day; each further one that day lasts twice as long. */
    @WithDefault("15m")
    Duration lockout();

    /** Per case number, whichever identity tries: what bounds an attacker with unlimited identities. */
    Limits perCase();

    /** For the whole firm: what bounds guesses sprayed over many case numbers. */
    Limits global();

    /** One-time code mails per case number in a day (a customer's mailbox is not flooded). */
    @WithDefault("3")
    int maxCodeMailsPerCaseAndDay();

    /** The longest lockout, however many came before it in the day. */
    @WithDefault("24h")
    Duration maxLockout();

    interface Limits {

        /** Failed links within {@link #window()} that lock (everyone out of) the case number or the firm. */
        int maxFailures();

        Duration window();

        /** The first lockout of the day; each further one lasts twice as long. */
        Duration lockout();

        /** Failed links within a day after which it stays locked until the day (24 h from its first) is over. */
        int maxFailuresPerDay();
    }
}
