package io.casedesk.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentEventIdsTest {

    @Test
    void aClaimSucceedsOnceUntilReleased() {
        RecentEventIds ids = new RecentEventIds(10);

        assertThat(ids.claim("a")).isTrue();
        assertThat(ids.claim("a")).isFalse();
        ids.release("a");
        assertThat(ids.claim("a")).isTrue();
    }

    @Test
    void theOldestIdIsForgottenFirst() {
        RecentEventIds ids = new RecentEventIds(2);
        ids.remember("a");
        ids.remember("b");
        ids.remember("c");

        assertThat(ids.contains("a")).isFalse();
        assertThat(ids.contains("b")).isTrue();
        assertThat(ids.contains("c")).isTrue();
        assertThatThrownBy(() -> new RecentEventIds(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectionReasonsNameTheProblemWithoutQuotingTheRecord() {
        assertThat(new RejectedRecordException(new EventDecodingException("Record is not JSON at line 1, column 1")))
                .hasMessage("Record is not JSON at line 1, column 1");
        assertThat(new RejectedRecordException(new IllegalStateException("SMTP refused")))
                .hasMessage("IllegalStateException: SMTP refused");
    }
}
