package io.casedesk.classifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The classifier's settings, under {@code casedesk.classifier}. */
@ConfigMapping(prefix = "casedesk.classifier")
public interface ClassifierConfig {

    /** The {@link io.casedesk.classifier.service.TriageEngine} that labels messages, by name. */
    @WithDefault("local-rules")
    String engine();

    /** The script reported for Chinese text whose characters are the same in both scripts. */
    @WithDefault("zh-Hant")
    String defaultChineseScript();

    /** How many inbound event ids are remembered to recognise a redelivered record. */
    @WithDefault("10000")
    int processedIdsCapacity();
}
