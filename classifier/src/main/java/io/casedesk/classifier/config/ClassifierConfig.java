package io.casedesk.classifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The classifier's settings, under {@code casedesk.classifier}. */
@ConfigMapping(prefix = "casedesk.classifier")
public interface ClassifierConfig {

    /** The {@link io.casedesk.classifier.service.TriageEngine} that labels messages, by name. */
    @WithDefault("local")
    String engine();

    /** The script reported for Chinese text whose characters are the same in both scripts. */
    @WithDefault("zh-Hant")
    String defaultChineseScript();

    /** How many inbound event ids are remembered to recognise a redelivered record. */
    @WithDefault("10000")
    int processedIdsCapacity();

    /** The {@code openai} engine, under {@code casedesk.classifier.openai}. */
    OpenAi openai();

    interface OpenAi {

        /** Any server speaking the OpenAI chat-completions protocol. */
        @WithDefault("https://api.openai.com/v1")
        String baseUrl();

        @WithDefault("gpt-4o-mini")
        String model();

        /** Required when the engine is {@code openai}. */
        Optional<String> apiKey();

        /** After this, the message gets the local engine's triage. */
        @WithDefault("10s")
        Duration timeout();
    }
}
