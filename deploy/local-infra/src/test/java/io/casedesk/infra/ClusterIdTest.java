package io.casedesk.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterIdTest {

    /** One id in 64 would start with '-' if nothing prevented it, and kafka-storage would take it for an option. */
    @Test
    void clusterIdsAreKafkaUuidsThatNeverStartWithADash() {
        for (int i = 0; i < 5_000; i++) {
            String id = LocalKafka.newClusterId();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+").doesNotStartWith("-");
        }
    }
}
