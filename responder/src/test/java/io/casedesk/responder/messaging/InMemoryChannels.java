package io.casedesk.responder.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

import java.util.HashMap;
import java.util.Map;

/** Switches the responder's Kafka channels to the in-memory connector for fast flow tests. */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.putAll(InMemoryConnector.switchIncomingChannelsToInMemory("triaged", "conversation-state", "firm"));
        config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory("outbound-line", "outbound-email", "handoff",
                "conversation"));
        return config;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
