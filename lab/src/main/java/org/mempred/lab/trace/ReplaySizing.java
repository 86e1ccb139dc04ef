package org.mempred.lab.trace;

import org.mempred.heap.CompactingHeap;
import org.mempred.heap.Granules;

/**
 * The two numbers a replay needs that a trace does not state: the heap's size and the replay
 * speed.
 *
 * <p><b>Heap ({@code --heap auto})</b>: {@code capacity = roundUp16(ceil(peakLiveBytes / pressure))},
 * where {@code peakLiveBytes} is the trace's largest live set counted as the heap counts it
 * (requests rounded to 16-byte granules). Rounding up keeps the peak at or just below the target
 * pressure: {@code peakLiveBytes / capacity <= pressure}, and above it by less than one granule's
 * worth.
 *
 * <p><b>Speed</b>: replayed time = trace time / speed. Programs run for fractions of a second,
 * while the governor ticks every 500 ms and predicts {@value #HORIZONS_PER_REPLAY} horizons fewer
 * than that would be meaningless; so the default speed stretches a trace shorter than
 * {@code HORIZONS_PER_REPLAY * horizon} to exactly that length, and leaves longer traces at 1.
 */
public final class ReplaySizing {
    /** A default replay lasts at least this many predictor horizons. */
    public static final int HORIZONS_PER_REPLAY = 12;

    private ReplaySizing() {}

    /**
     * The heap capacity at which {@code peakLiveBytes} sits at {@code pressure}, rounded up to 16 B.
     *
     * @throws IllegalArgumentException when {@code pressure} is outside (0, 1], the peak is not
     *     positive, or the capacity would exceed the heap's largest arena
     */
    public static int autoCapacityBytes(long peakLiveBytes, double pressure) {
        if (!(pressure > 0.0 && pressure <= 1.0)) {
            throw new IllegalArgumentException("pressure=" + pressure + " outside (0, 1]");
        }
        if (peakLiveBytes <= 0) {
            throw new IllegalArgumentException(
                    "peakLiveBytes=" + peakLiveBytes + ": the trace allocates nothing, so no heap size fits it");
        }
        long raw = (long) Math.ceil(peakLiveBytes / pressure);
        long capacity = Granules.roundUp(raw);
        if (capacity > CompactingHeap.MAX_CAPACITY_BYTES) {
            throw new IllegalArgumentException("peakLiveBytes=" + peakLiveBytes + " at pressure=" + pressure
                    + " needs capacityBytes=" + capacity + ", above the heap's maximum "
                    + CompactingHeap.MAX_CAPACITY_BYTES + "; pass a smaller trace or --heap SIZE");
        }
        return (int) capacity;
    }

    /**
     * The default speed for a trace lasting {@code durationNanos}: {@code durationNanos /
     * (HORIZONS_PER_REPLAY * horizonNanos)} when that is below 1, else 1; 1 for a trace with no
     * duration at all (all events at one instant: stretching cannot help).
     */
    public static double defaultSpeed(long durationNanos, long horizonNanos) {
        if (horizonNanos <= 0 || durationNanos < 0) {
            throw new IllegalArgumentException(
                    "horizonNanos=" + horizonNanos + " must be > 0 and durationNanos=" + durationNanos + " >= 0");
        }
        double target = (double) HORIZONS_PER_REPLAY * horizonNanos;
        if (durationNanos == 0 || durationNanos >= target) {
            return 1.0;
        }
        return durationNanos / target;
    }

    /** The replayed length of {@code durationNanos} of trace at {@code speed}. */
    public static long replayNanos(long durationNanos, double speed) {
        requireSpeed(speed);
        return (long) (durationNanos / speed);
    }

    /** Checks that {@code speed} is positive and finite. */
    public static double requireSpeed(double speed) {
        if (!(speed > 0.0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed=" + speed + " must be positive and finite");
        }
        return speed;
    }
}
