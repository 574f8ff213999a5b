package org.galley.bench.pipeline;

import java.util.Arrays;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile of n values is the value at rank
 * {@code ceil(p / 100 * n)} in ascending order, so it is always one of the values measured, never interpolated.
 */
record Percentiles(double p50, double p95, double p99, double max, int count) {

    static Percentiles of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("No values to take percentiles of");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1], sorted.length);
    }

    static double rank(double[] sorted, int percentile) {
        // In whole numbers: 0.95 * 100 in doubles is 95.00000000000001, whose ceiling is one rank too high.
        long rank = ((long) percentile * sorted.length + 99) / 100;
        return sorted[(int) Math.max(rank, 1) - 1];
    }
}
