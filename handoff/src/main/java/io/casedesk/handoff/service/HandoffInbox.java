package io.casedesk.handoff.service;

import io.casedesk.handoff.config.HandoffConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most recent handoff requests, in memory, for agents to watch them arrive. Bounded: the oldest entry
 * goes first. Keyed by event id, so adding one twice keeps one.
 */
@ApplicationScoped
public class HandoffInbox {

    private final Map<String, HandoffEntry> entries;

    HandoffInbox(HandoffConfig config) {
        int size = config.inboxSize();
        this.entries = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, HandoffEntry> eldest) {
                return size() > size;
            }
        };
    }

    public synchronized void add(HandoffEntry entry) {
        entries.putIfAbsent(entry.eventId(), entry);
    }

    /** The entries, newest first. */
    public synchronized List<HandoffEntry> recent() {
        List<HandoffEntry> newestFirst = new ArrayList<>(entries.values());
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
