package io.casedesk.handoff.service;

import io.casedesk.handoff.config.HandoffConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HandoffInboxTest {

    private final HandoffInbox inbox = new HandoffInbox(new HandoffConfig() {
        @Override
        public int inboxSize() {
            return 2;
        }

        @Override
        public int processedIdsCapacity() {
            return 10;
        }
    });

    @Test
    void keepsTheMostRecentEntriesNewestFirst() {
        inbox.add(entry("a"));
        inbox.add(entry("b"));
        inbox.add(entry("c"));

        assertThat(inbox.recent()).extracting(HandoffEntry::eventId).containsExactly("c", "b");
    }

    @Test
    void keepsOneEntryPerEvent() {
        inbox.add(entry("a"));
        inbox.add(entry("a"));

        assertThat(inbox.recent()).extracting(HandoffEntry::eventId).containsExactly("a");
    }

    private static HandoffEntry entry(String eventId) {
        return new HandoffEntry(eventId, "line:Ubot:U1", Instant.now(), "needs_human", null, null, null, null, null,
                null, null);
    }
}
