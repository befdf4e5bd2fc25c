package io.casedesk.responder.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Reply policy and presentation settings of the responder. */
@ConfigMapping(prefix = "casedesk.responder")
public interface ResponderConfig {

    /**
     * What to do per intent label ({@code case_status}, {@code complaint}, ...) when nothing forces a handoff;
     * intents not listed use {@link #defaultPolicy()}.
     */
    Map<String, ReplyPolicy> policy();

    @WithDefault("auto")
    ReplyPolicy defaultPolicy();

    /** Below this intent confidence the message goes to a person. */
    @WithDefault("0.35")
    double minIntentConfidence();

    /** Whether answers say that an automated assistant wrote them. */
    @WithDefault("true")
    boolean discloseAutomation();

    /** How long the knowledge base is cached; articles change rarely. */
    @WithDefault("PT5M")
    Duration articleCacheTtl();

    enum ReplyPolicy {
        AUTO, DRAFT, HANDOFF
    }
}
