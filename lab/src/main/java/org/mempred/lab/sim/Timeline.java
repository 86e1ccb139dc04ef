package org.mempred.lab.sim;

import java.util.Arrays;

/**
 * What a run looked like at every governor tick, for charts: the tick time, the pressure, the
 * governor's last raw prediction (NaN without a predictor) and the running totals of OOM events,
 * proactive and direct compactions. An event between two ticks shows up as a step in its total
 * at the next tick, so markers are accurate to one tick (500 ms by default).
 *
 * <p>Layout: six parallel growable primitive arrays, doubled when full; {@link #record} is O(1)
 * amortised. One writer (the run's thread); read it after the run.
 */
public final class Timeline {
    private long[] timesNanos = new long[1024];
    private double[] pressures = new double[1024];
    private double[] predictions = new double[1024];
    private long[] oomEvents = new long[1024];
    private long[] proactiveCompactions = new long[1024];
    private long[] directCompactions = new long[1024];
    private int size;

    /** An empty timeline. */
    public Timeline() {}

    /** Appends the state at one tick; totals are running totals since the run started. */
    public void record(
            long timeNanos, double pressure, double prediction, long oomTotal, long proactiveTotal, long directTotal) {
        if (size == timesNanos.length) {
            int grown = size * 2;
            timesNanos = Arrays.copyOf(timesNanos, grown);
            pressures = Arrays.copyOf(pressures, grown);
            predictions = Arrays.copyOf(predictions, grown);
            oomEvents = Arrays.copyOf(oomEvents, grown);
            proactiveCompactions = Arrays.copyOf(proactiveCompactions, grown);
            directCompactions = Arrays.copyOf(directCompactions, grown);
        }
        timesNanos[size] = timeNanos;
        pressures[size] = pressure;
        predictions[size] = prediction;
        oomEvents[size] = oomTotal;
        proactiveCompactions[size] = proactiveTotal;
        directCompactions[size++] = directTotal;
    }

    /** Ticks recorded. */
    public int size() {
        return size;
    }

    /** Time of tick {@code i}. */
    public long timeNanos(int i) {
        return timesNanos[check(i)];
    }

    /** Pressure at tick {@code i}. */
    public double pressure(int i) {
        return pressures[check(i)];
    }

    /** The governor's last raw prediction at tick {@code i} (NaN without a predictor). */
    public double prediction(int i) {
        return predictions[check(i)];
    }

    /** OOM events up to tick {@code i}. */
    public long oomEvents(int i) {
        return oomEvents[check(i)];
    }

    /** Proactive compactions up to tick {@code i}. */
    public long proactiveCompactions(int i) {
        return proactiveCompactions[check(i)];
    }

    /** Direct (reactive) compactions up to tick {@code i}. */
    public long directCompactions(int i) {
        return directCompactions[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("tick index=" + i + " outside [0, " + size + ")");
        }
        return i;
    }
}
