package io.casedesk.ingress.line.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent event ids this process has handled, to drop duplicates: a bounded in-memory set (the
 * oldest id is forgotten first). It does not survive a restart; see the module README.
 */
public final class RecentIds {

    private final Map<String, Boolean> ids;

    public RecentIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Claims {@code id} for handling; {@code false} when it was already claimed (a duplicate). */
    public synchronized boolean claim(String id) {
        return ids.putIfAbsent(id, Boolean.TRUE) == null;
    }

    /** Gives a claim back after the handling failed, so a redelivered copy is handled again. */
    public synchronized void release(String id) {
        ids.remove(id);
    }
}
