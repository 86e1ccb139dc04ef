package org.mempred.predict;

import org.mempred.telemetry.Sample;

/**
 * What a predictor forecasts over its horizon H, and how a forecast of it is judged. Both are
 * fractions of capacity in [0, 1], and both are the largest value of a per-sample observation
 * in {@code (t, t + H]}, so one {@link DelayedLabeler} labels either.
 *
 * <ul>
 *   <li>{@link #DEMAND}: the largest request the program will make — the contiguous free space
 *       the near future needs, which sets the heap's reserve. Threshold θ for accuracy: the
 *       largest free block at the prediction (positive = more contiguous space will be asked for
 *       than exists now). Persistence reference: the largest request of the last H.
 *   <li>{@link #PEAK_PRESSURE}: wave 1's target, the peak pressure; θ = 0.90, reference = the
 *       pressure now. Kept for the {@code <predictor>-peak} policies, so the change is measured.
 * </ul>
 */
public enum Target {
    /** The largest request over the horizon, as a fraction of capacity. */
    DEMAND("demand"),
    /** The peak pressure over the horizon. */
    PEAK_PRESSURE("peak");

    /** θ of a peak-pressure forecast. */
    public static final double PEAK_THRESHOLD = 0.90;

    private final String id;

    Target(String id) {
        this.id = id;
    }

    /** Short name: {@code demand} or {@code peak}. */
    public String id() {
        return id;
    }

    /** The per-sample observation whose maximum over {@code (t, t + H]} is the label. */
    public double observe(Sample sample) {
        return this == DEMAND ? sample.largestRequestFraction() : sample.pressure();
    }

    /** θ for a prediction made at {@code sample}. */
    public double threshold(Sample sample) {
        return this == DEMAND ? (double) sample.largestFreeBytes() / sample.capacityBytes() : PEAK_THRESHOLD;
    }
}
