package io.casedesk.handoff.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the most recently processed events, to recognise a redelivered record. Bounded: the oldest id
 * is forgotten first. Kept in memory, so a restart forgets; downstream consumers deduplicate on the derived
 * ids as well.
 */
public class ProcessedIds {

    private final Map<String, Boolean> ids;

    public ProcessedIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.ids = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized boolean contains(String eventId) {
        return ids.containsKey(eventId);
    }

    public synchronized void add(String eventId) {
        ids.put(eventId, Boolean.TRUE);
    }
}
