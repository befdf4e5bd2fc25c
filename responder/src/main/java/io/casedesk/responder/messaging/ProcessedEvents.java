package io.casedesk.responder.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ids of the events handled recently, so a redelivered record is not answered twice by this instance.
 * Across restarts and instances, duplicates are caught downstream: every event the responder publishes
 * has an id derived from its input, and the channel senders deduplicate on it.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final int CAPACITY = 100_000;

    private final Set<String> ids = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    }));

    /** True the first time an id is seen. */
    public boolean firstTime(String eventId) {
        return ids.add(eventId);
    }
}
