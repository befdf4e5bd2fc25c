package io.casedesk.handoff.service;

import io.casedesk.handoff.config.HandoffConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which agents are online: an agent with the inbox open (a live stream connected) who has not set themself
 * away. Kept in this instance's memory; a restart starts with everyone offline until their inbox reconnects.
 */
@ApplicationScoped
public class AgentPresence {

    private final Map<String, Integer> streams = new ConcurrentHashMap<>();
    private final Set<String> away = ConcurrentHashMap.newKeySet();
    private final HandoffConfig config;

    public AgentPresence(HandoffConfig config) {
        this.config = config;
    }

    public void connected(String agent) {
        streams.merge(agent, 1, Integer::sum);
    }

    public void disconnected(String agent) {
        streams.computeIfPresent(agent, (name, count) -> count <= 1 ? null : count - 1);
    }

    public void setAway(String agent, boolean isAway) {
        if (isAway) {
            away.add(agent);
        } else {
            away.remove(agent);
        }
    }

    public boolean isOnline(String agent) {
        return streams.containsKey(agent) && !away.contains(agent);
    }

    public boolean isAway(String agent) {
        return away.contains(agent);
    }

    /** Agents connected now, and agents configured by name. */
    public Set<String> known() {
        Set<String> names = new TreeSet<>(streams.keySet());
        names.addAll(config.agents().keySet());
        return names;
    }

    public Routing.AgentLoad load(String agent, int openTickets) {
        HandoffConfig.AgentSettings settings = config.agents().get(agent);
        int capacity = settings == null ? config.defaultCapacity() : settings.capacity().orElse(config.defaultCapacity());
        List<String> languages = settings == null ? List.of("*") : settings.languages();
        List<String> intents = settings == null ? List.of("*") : settings.intents();
        return new Routing.AgentLoad(agent, isOnline(agent), capacity, openTickets, languages, intents);
    }
}
