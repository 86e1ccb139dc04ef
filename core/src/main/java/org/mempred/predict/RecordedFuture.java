package org.mempred.predict;

import java.util.Arrays;

/**
 * A {@link FutureView} over a recorded series of a {@link Target}'s per-sample observation
 * (pressure, or the largest request over capacity): the peak in {@code (t, t + H]} is the largest
 * recorded value with a time in that interval, {@code NaN} if there is none. This is
 * the offline twin of {@link DelayedLabeler}'s online labels (a test checks they agree).
 *
 * <p>Layout: two parallel arrays sorted by time (copied on construction). Cost per query:
 * O(log n) to find the first time after {@code t}, plus the samples inside the interval.
 */
public final class RecordedFuture implements FutureView {
    private final long[] timesNanos;
    private final double[] pressures;
    private final Target target;

    /** A future made of {@code pressures[i]} observed at {@code timesNanos[i]} (non-decreasing), labelled by maximum. */
    public RecordedFuture(long[] timesNanos, double[] pressures) {
        this(timesNanos, pressures, Target.PEAK_PRESSURE);
    }

    /**
     * A future made of {@code target}'s observation {@code values[i]} at {@code timesNanos[i]}
     * (non-decreasing): the label of {@code (t, t + H]} folds the values inside it as the target
     * does ({@link Target#sums()}, {@link Target#label}).
     */
    public RecordedFuture(long[] timesNanos, double[] values, Target target) {
        double[] pressures = values;
        if (timesNanos.length != pressures.length) {
            throw new IllegalArgumentException(
                    "timesNanos.length=" + timesNanos.length + " differs from pressures.length=" + pressures.length);
        }
        for (int i = 0; i < timesNanos.length; i++) {
            if (i > 0 && timesNanos[i] < timesNanos[i - 1]) {
                throw new IllegalArgumentException("timesNanos[" + i + "]=" + timesNanos[i] + " is before timesNanos["
                        + (i - 1) + "]=" + timesNanos[i - 1]);
            }
            if (!(pressures[i] >= 0.0 && (target.sums() ? Double.isFinite(pressures[i]) : pressures[i] <= 1.0))) {
                throw new IllegalArgumentException("pressures[" + i + "]=" + pressures[i] + " outside [0, 1]");
            }
        }
        this.timesNanos = timesNanos.clone();
        this.pressures = pressures.clone();
        this.target = target;
    }

    @Override
    public double peak(long timeNanos, long horizonNanos) {
        int index = firstAfter(timeNanos);
        double peak = Double.NaN;
        boolean sums = target.sums();
        for (int i = index; i < timesNanos.length && timesNanos[i] - timeNanos <= horizonNanos; i++) {
            double folded = sums ? peak + pressures[i] : Math.max(peak, pressures[i]);
            peak = Double.isNaN(peak) ? pressures[i] : folded;
        }
        return Double.isNaN(peak) ? peak : target.label(peak);
    }

    /** Index of the first recorded time strictly after {@code timeNanos}. */
    private int firstAfter(long timeNanos) {
        int found = Arrays.binarySearch(timesNanos, timeNanos);
        if (found < 0) {
            return -found - 1;
        }
        while (found < timesNanos.length && timesNanos[found] <= timeNanos) {
            found++;
        }
        return found;
    }
}
