package io.casedesk.cases.config;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

/**
 * The services allowed to call the API and their keys: {@code casedesk.auth.service-keys.<service>=<key>},
 * in production from the environment ({@code CASEDESK_AUTH_SERVICE_KEYS_<SERVICE>}).
 */
@ConfigMapping(prefix = "casedesk.auth")
public interface ServiceAuthConfig {

    /** Key per calling service, e.g. {@code responder}; blank keys are ignored. */
    Map<String, String> serviceKeys();
}
