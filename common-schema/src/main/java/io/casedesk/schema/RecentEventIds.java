package io.casedesk.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the events a consumer handled most recently, to recognise a redelivered record. Bounded: the
 * oldest id is forgotten first. Kept in memory, so a restart forgets; because event ids are deterministic
 * (see {@link EventIds}), consumers further down deduplicate the same ids again.
 */
public final class RecentEventIds {

    private final Map<String, Boolean> ids;

    public RecentEventIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Claims {@code id} for handling; {@code false} when it was claimed before (a duplicate). */
    public synchronized boolean claim(String id) {
        return ids.putIfAbsent(id, Boolean.TRUE) == null;
    }

    /** Gives a claim back after the handling failed, so a redelivered copy is handled again. */
    public synchronized void release(String id) {
        ids.remove(id);
    }

    public synchronized boolean contains(String id) {
        return ids.containsKey(id);
    }

    /** Records {@code id} as handled, for consumers that check first and remember only after success. */
    public synchronized void remember(String id) {
        ids.put(id, Boolean.TRUE);
    }
}
