package io.predictionbatch.bench;

import java.util.Arrays;

/**
 * Latencies of one client thread, in nanoseconds, and the merge of all threads' samples for
 * percentiles. Not thread-safe: each client thread keeps its own and they are merged at the end.
 */
final class Latencies {

    private long[] samples = new long[1 << 14];
    private int size;

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    int size() {
        return size;
    }

    static long[] sorted(Iterable<Latencies> all) {
        int total = 0;
        for (Latencies latencies : all) {
            total += latencies.size;
        }
        long[] merged = new long[total];
        int at = 0;
        for (Latencies latencies : all) {
            System.arraycopy(latencies.samples, 0, merged, at, latencies.size);
            at += latencies.size;
        }
        Arrays.sort(merged);
        return merged;
    }

    /** The nearest-rank percentile (0 < p <= 100) of sorted samples, in milliseconds; NaN when empty. */
    static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
