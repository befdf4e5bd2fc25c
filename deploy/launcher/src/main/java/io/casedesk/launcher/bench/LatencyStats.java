package io.casedesk.launcher.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latencies of one run, exactly: every value is kept and sorted (a run has a few thousand), and a percentile is the
 * nearest-rank value (the smallest value with at least p % of the values at or below it), never an interpolation.
 */
public final class LatencyStats {

    private final long[] sortedMillis;

    private LatencyStats(long[] sortedMillis) {
        this.sortedMillis = sortedMillis;
    }

    /** The statistics of {@code millis} (negative values are not latencies and are an error). */
    public static LatencyStats of(Collection<Long> millis) {
        long[] values = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (values.length > 0 && values[0] < 0) {
            throw new IllegalArgumentException("A latency cannot be negative: " + values[0]);
        }
        return new LatencyStats(values);
    }

    public int count() {
        return sortedMillis.length;
    }

    /**
     * The nearest-rank percentile: {@code p} from 0 (exclusive) to 100 (inclusive); -1 when there are no values.
     */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("A percentile is more than 0 and at most 100, not " + p);
        }
        if (sortedMillis.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(1, rank) - 1];
    }

    public long max() {
        return sortedMillis.length == 0 ? -1 : sortedMillis[sortedMillis.length - 1];
    }

    public double mean() {
        return sortedMillis.length == 0 ? Double.NaN : Arrays.stream(sortedMillis).average().orElse(Double.NaN);
    }

    /** {@code p50 116 ms, p95 196 ms, p99 227 ms, max 240 ms}, or {@code no values}. */
    public String summary() {
        if (sortedMillis.length == 0) {
            return "no values";
        }
        return "p50 " + format(percentile(50)) + ", p95 " + format(percentile(95)) + ", p99 " + format(percentile(99))
                + ", max " + format(max());
    }

    /** {@code 850 ms} below ten seconds, {@code 12.3 s} from there. */
    static String format(long millis) {
        return millis < 10_000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
