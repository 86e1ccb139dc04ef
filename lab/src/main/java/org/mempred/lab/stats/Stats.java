package org.mempred.lab.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The one statistics helper of the lab: summaries across seeds and paired differences.
 *
 * <p>{@link #summarize}: mean, sample standard deviation {@code s} (divisor n − 1), and the 95 %
 * interval {@code mean ± t(0.975, n − 1) · s / √n} with the Student-t quantile from
 * commons-statistics. {@link #pairedDifference}: the same summary of {@code x[i] − base[i]} over
 * the seeds where both are defined: because both runs of a pair see the same workload stream,
 * the seed-to-seed variation cancels and the interval is much tighter than comparing two
 * independent means. NaN values (a figure that does not apply to a run) are left out.
 */
public final class Stats {
    private static final double CONFIDENCE = 0.95;

    private Stats() {}

    /** Summary of the non-NaN {@code values}. */
    public static Summary summarize(double[] values) {
        int n = 0;
        double sum = 0.0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                n++;
                sum += value;
            }
        }
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Summary(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0.0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                squares += (value - mean) * (value - mean);
            }
        }
        double sd = Math.sqrt(squares / (n - 1));
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new Summary(n, mean, sd, mean - half, mean + half);
    }

    /**
     * Summary of the paired differences {@code values[i] - baseline[i]}.
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static Summary pairedDifference(double[] values, double[] baseline) {
        if (values.length != baseline.length) {
            throw new IllegalArgumentException(
                    "values.length=" + values.length + " differs from baseline.length=" + baseline.length);
        }
        double[] differences = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            differences[i] = values[i] - baseline[i];
        }
        return summarize(differences);
    }

    /** The two-sided 95 % Student-t quantile with {@code degreesOfFreedom}. */
    public static double tQuantile(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degreesOfFreedom=" + degreesOfFreedom + " must be >= 1");
        }
        return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.5 + CONFIDENCE / 2.0);
    }
}
