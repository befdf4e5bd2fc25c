package io.casedesk.classifier.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Who may use {@code POST /api/v1/triage}, and how long a text it takes: {@code casedesk.triage-api.*}. */
@ConfigMapping(prefix = "casedesk.triage-api")
public interface TriageApiConfig {

    /** Hex SHA-256 of the key callers present as {@code Authorization: Bearer <key>}; without it, nobody may. */
    Optional<String> keySha256();

    /** The longest text triaged (characters); LINE's own limit for a text message is 5,000. */
    @WithDefault("5000")
    int maxTextLength();
}
