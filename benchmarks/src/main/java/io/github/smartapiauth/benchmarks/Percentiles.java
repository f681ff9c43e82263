package io.github.smartapiauth.benchmarks;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of durations in nanoseconds. */
record Percentiles(long p50, long p99, long max, int count) {

    static Percentiles of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(rank(sorted, 50), rank(sorted, 99), sorted[sorted.length - 1], sorted.length);
    }

    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String micros(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1000.0);
    }
}
