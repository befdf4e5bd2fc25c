package io.casedesk.launcher.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRankValuesOfTheSortedLatencies() {
        List<Long> millis = new ArrayList<>();
        for (long value = 100; value >= 1; value--) {
            millis.add(value);
        }

        LatencyStats stats = LatencyStats.of(millis);

        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.percentile(50)).isEqualTo(50);
        assertThat(stats.percentile(95)).isEqualTo(95);
        assertThat(stats.percentile(99)).isEqualTo(99);
        assertThat(stats.percentile(100)).isEqualTo(100);
        assertThat(stats.max()).isEqualTo(100);
        assertThat(stats.mean()).isEqualTo(50.5);
    }

    @Test
    void aPercentileIsAlwaysOneOfTheValuesNeverAnInterpolation() {
        LatencyStats stats = LatencyStats.of(List.of(10L, 20L, 1000L));

        assertThat(stats.percentile(50)).isEqualTo(20);
        assertThat(stats.percentile(95)).isEqualTo(1000);
        assertThat(stats.percentile(0.1)).isEqualTo(10);
    }

    @Test
    void oneValueIsEveryPercentile() {
        LatencyStats stats = LatencyStats.of(List.of(42L));

        assertThat(stats.percentile(1)).isEqualTo(42);
        assertThat(stats.percentile(99)).isEqualTo(42);
        assertThat(stats.summary()).isEqualTo("p50 42 ms, p95 42 ms, p99 42 ms, max 42 ms");
    }

    @Test
    void noValuesAreSaidSo() {
        LatencyStats stats = LatencyStats.of(List.of());

        assertThat(stats.count()).isZero();
        assertThat(stats.percentile(95)).isEqualTo(-1);
        assertThat(stats.max()).isEqualTo(-1);
        assertThat(stats.summary()).isEqualTo("no values");
    }

    @Test
    void longLatenciesArePrintedInSeconds() {
        assertThat(LatencyStats.format(9_999)).isEqualTo("9999 ms");
        assertThat(LatencyStats.format(15_840)).isEqualTo("15.8 s");
    }

    @Test
    void percentilesOutsideTheRangeAndNegativeLatenciesAreErrors() {
        LatencyStats stats = LatencyStats.of(List.of(1L, 2L));

        assertThatThrownBy(() -> stats.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stats.percentile(100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyStats.of(List.of(5L, -1L))).isInstanceOf(IllegalArgumentException.class);
    }
}
