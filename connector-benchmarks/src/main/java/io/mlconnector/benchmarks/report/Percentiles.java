package io.mlconnector.benchmarks.report;

import java.util.Arrays;

/**
 * Percentiles of a set of samples, computed from the sorted samples (nearest rank), so no histogram library is
 * needed. Samples are in any unit; the caller keeps track of it.
 */
public final class Percentiles {
    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Sorts a copy of the samples. */
    public static Percentiles of(long[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] copy = Arrays.copyOf(samples, samples.length);
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /** The nearest-rank percentile {@code p} (0 < p <= 100). */
    public long at(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public long max() {
        return sorted[sorted.length - 1];
    }

    public int count() {
        return sorted.length;
    }

    public double mean() {
        double sum = 0;
        for (long s : sorted) {
            sum += s;
        }
        return sum / sorted.length;
    }
}
