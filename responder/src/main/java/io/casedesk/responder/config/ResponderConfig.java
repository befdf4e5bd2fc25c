package io.casedesk.responder.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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

    /** Who writes answers: {@code local} (templates, the default) or {@code openai} (any OpenAI-compatible endpoint). */
    @WithDefault("local")
    String engine();

    /** The {@code openai} engine, under {@code casedesk.responder.openai}. */
    OpenAi openai();

    /** How many of the conversation's latest turns an engine sees (the {@code openai} engine uses them). */
    @WithDefault("6")
    int historyTurns();

    interface OpenAi {
        @WithDefault("https://api.openai.com/v1")
        String baseUrl();

        @WithDefault("gpt-4o-mini")
        String model();

        /** Required when the engine is {@code openai}. */
        Optional<String> apiKey();

        /** After this, the customer gets the fallback text and a person takes over. */
        @WithDefault("30s")
        Duration timeout();

        /** Low: answers restate the record, they do not invent. */
        @WithDefault("0.1")
        double temperature();
    }

    enum ReplyPolicy {
        AUTO, DRAFT, HANDOFF
    }
}
