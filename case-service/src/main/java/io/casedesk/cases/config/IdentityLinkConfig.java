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

    /** Unsuccessful attempts (failed links and code requests) within {@link #attemptWindow()} that lock the identity. */
    @WithDefault("5")
    int maxAttempts();

    @WithDefault("15m")
    Duration attemptWindow();

    /** How long a locked identity is refused. */
    @WithDefault("15m")
    Duration lockout();

    /** The support address the code email is sent from (and whose conversation it belongs to). */
    String mailbox();
}
