package org.mempred.lab.sim;

import java.util.Arrays;
import org.mempred.predict.RecordedFuture;

/**
 * The heap pressure recorded at every governor tick of a run, growable primitive arrays. The
 * experiment runner records the {@code reactive} run of a seed and hands the result to that
 * seed's {@code oracle} run as its {@link RecordedFuture}.
 */
public final class PressureTrace {
    private long[] timesNanos = new long[1024];
    private double[] pressures = new double[1024];
    private int size;

    /** An empty trace. */
    public PressureTrace() {}

    /** Appends one observation; times must not decrease. */
    public void record(long timeNanos, double pressure) {
        if (size > 0 && timeNanos < timesNanos[size - 1]) {
            throw new IllegalArgumentException(
                    "timeNanos=" + timeNanos + " is before the last recorded " + timesNanos[size - 1]);
        }
        if (size == timesNanos.length) {
            timesNanos = Arrays.copyOf(timesNanos, size * 2);
            pressures = Arrays.copyOf(pressures, size * 2);
        }
        timesNanos[size] = timeNanos;
        pressures[size++] = pressure;
    }

    /** Observations so far. */
    public int size() {
        return size;
    }

    /** The trace as the true future an {@code oracle} reads. */
    public RecordedFuture toFuture() {
        return new RecordedFuture(Arrays.copyOf(timesNanos, size), Arrays.copyOf(pressures, size));
    }
}
