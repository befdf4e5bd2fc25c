package io.casedesk.ingress.email.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The email channel's settings, under {@code casedesk.email}; SMTP itself is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "casedesk.email")
public interface EmailConfig {

    /** The domain of the {@code Message-ID}s of sent mail: {@code <outbound event id@domain>}. */
    @WithDefault("casedesk.local")
    String messageIdDomain();

    /** How many outbound event ids are remembered to recognise a redelivered record. */
    @WithDefault("10000")
    int processedIdsCapacity();
}
