package io.casedesk.handoff.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

import java.util.HashMap;
import java.util.Map;

/** Replaces the Kafka channels with in-memory ones, for tests that need no broker. */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>(InMemoryConnector.switchIncomingChannelsToInMemory("handoff"));
        properties.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory("conversation"));
        return properties;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
