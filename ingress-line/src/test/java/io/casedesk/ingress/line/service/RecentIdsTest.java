package io.casedesk.ingress.line.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentIdsTest {

    @Test
    void anIdIsClaimedOnceUntilReleased() {
        RecentIds ids = new RecentIds(10);

        assertThat(ids.claim("a")).isTrue();
        assertThat(ids.claim("a")).isFalse();
        ids.release("a");
        assertThat(ids.claim("a")).isTrue();
    }

    @Test
    void theOldestIdIsForgottenBeyondCapacity() {
        RecentIds ids = new RecentIds(2);
        ids.claim("a");
        ids.claim("b");
        ids.claim("c");

        assertThat(ids.claim("b")).isFalse();
        assertThat(ids.claim("a")).isTrue();
    }
}
