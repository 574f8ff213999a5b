package org.galley.bench.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Throughput from arrival times: records per second overall, over the first and the last 1,000, and over each
 * successive 1,000 (the slowdown figure). Times are {@link System#nanoTime()} readings; {@code start} is when
 * the first record was sent, and every rate counts from there, so the first 1,000 include the time the first
 * record took to get through.
 */
final class Rates {

    static final int WINDOW = 1_000;

    private Rates() {
    }

    static double perSecond(long count, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("A rate needs a positive duration, was " + nanos + " ns");
        }
        return count * 1e9 / nanos;
    }

    /** All the arrivals, from the first send to the last arrival. */
    static double overall(long start, long[] arrivals) {
        long[] sorted = sorted(arrivals);
        return perSecond(sorted.length, sorted[sorted.length - 1] - start);
    }

    /** The first 1,000 arrivals (all of them when there are fewer), from the first send. */
    static double first(long start, long[] arrivals) {
        long[] sorted = sorted(arrivals);
        int count = Math.min(WINDOW, sorted.length);
        return perSecond(count, sorted[count - 1] - start);
    }

    /** The last 1,000 arrivals: from the arrival just before them (the first send, when there are no more). */
    static double last(long start, long[] arrivals) {
        long[] sorted = sorted(arrivals);
        int count = Math.min(WINDOW, sorted.length);
        long from = sorted.length > WINDOW ? sorted[sorted.length - WINDOW - 1] : start;
        return perSecond(count, sorted[sorted.length - 1] - from);
    }

    /** The rate of each whole 1,000 in arrival order; a last part of fewer than 1,000 is left out. */
    static List<Double> perWindow(long start, long[] arrivals) {
        long[] sorted = sorted(arrivals);
        List<Double> rates = new ArrayList<>();
        long from = start;
        for (int end = WINDOW; end <= sorted.length; end += WINDOW) {
            long to = sorted[end - 1];
            rates.add(perSecond(WINDOW, to - from));
            from = to;
        }
        return rates;
    }

    private static long[] sorted(long[] arrivals) {
        if (arrivals.length == 0) {
            throw new IllegalArgumentException("No arrivals to rate");
        }
        long[] sorted = arrivals.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
