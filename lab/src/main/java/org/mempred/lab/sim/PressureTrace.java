package org.mempred.lab.sim;

import java.util.Arrays;
import org.mempred.predict.RecordedFuture;
import org.mempred.predict.Target;

/**
 * The heap pressure and the largest request since the previous tick (over capacity), recorded at
 * every governor tick of a run in growable primitive arrays. The experiment runner records the
 * {@code reactive} run of a seed and hands the series of an oracle's {@link Target} to that seed's
 * {@code oracle} (demand) or {@code oracle-peak} run as its {@link RecordedFuture}. The request
 * stream does not depend on the policy (failed requests still count), so the demand series is the
 * true future of every run of the seed.
 */
public final class PressureTrace {
    private long[] timesNanos = new long[1024];
    private double[] pressures = new double[1024];
    private double[] demands = new double[1024];
    private double[] volumes = new double[1024];
    private int size;

    /** An empty trace. */
    public PressureTrace() {}

    /** Appends one observation; times must not decrease. */
    public void record(long timeNanos, double pressure, double demand, double volume) {
        if (size > 0 && timeNanos < timesNanos[size - 1]) {
            throw new IllegalArgumentException(
                    "timeNanos=" + timeNanos + " is before the last recorded " + timesNanos[size - 1]);
        }
        if (size == timesNanos.length) {
            timesNanos = Arrays.copyOf(timesNanos, size * 2);
            pressures = Arrays.copyOf(pressures, size * 2);
            demands = Arrays.copyOf(demands, size * 2);
            volumes = Arrays.copyOf(volumes, size * 2);
        }
        demands[size] = demand;
        volumes[size] = volume;
        timesNanos[size] = timeNanos;
        pressures[size++] = pressure;
    }

    /** Observations so far. */
    public int size() {
        return size;
    }

    /** The series of {@code target} as the true future an oracle reads. */
    public RecordedFuture toFuture(Target target) {
        double[] values = switch (target) {
            case VOLUME -> volumes;
            case DEMAND -> demands;
            case PEAK_PRESSURE -> pressures;
        };
        return new RecordedFuture(Arrays.copyOf(timesNanos, size), Arrays.copyOf(values, size), target);
    }
}
