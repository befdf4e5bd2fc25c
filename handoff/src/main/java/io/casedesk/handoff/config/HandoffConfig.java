package io.casedesk.handoff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The handoff service's settings, under {@code casedesk.handoff}. */
@ConfigMapping(prefix = "casedesk.handoff")
public interface HandoffConfig {

    /** How many of the most recent handoff requests the inbox keeps for agents to see. */
    @WithDefault("200")
    int inboxSize();

    /** How many handoff event ids are remembered to recognise a redelivered record. */
    @WithDefault("10000")
    int processedIdsCapacity();
}
