package org.mempred.predict;

import org.mempred.telemetry.Sample;

/**
 * What a predictor forecasts over its horizon H, and how a forecast of it is judged: a strategy
 * chosen once per prediction stream, so no predictor branches on it. Every target's label is a
 * number in [0, 1] computed from a per-sample observation over {@code (t, t + H]}, so one
 * {@link DelayedLabeler} labels each and one accuracy table judges them.
 *
 * <pre>
 *  target   observation per sample           label over (t, t+H]        θ at t                        recent value
 *  volume   bytes requested in size classes  v/(1+v), v = sum of the    the same of the contiguous    the same of the
 *           (&gt;= 512 B) since the last       observations (capacities  capacity of the smallest      volume of the
 *           sample, over capacity            per horizon)              class, over capacity          last H
 *  largest  the largest request since the    the largest observation    the largest free block         the largest
 *           last sample, over capacity                                  over capacity                  request of the last H
 *  peak     the pressure                     the largest observation    0.90                           the pressure now
 * </pre>
 *
 * <p>Why {@code v/(1+v)} for volume: a program may ask for many heaps' worth of bytes over a
 * horizon, while the safety rules discard any forecast outside [0, 1]. The map is monotone and
 * exact both ways ({@link #volumeOf}), half of the scale is one heap per horizon, and a forecast
 * of 0 means no request of any class.
 */
public enum Target {
    /** The volume the program will request in size classes: what exhausts contiguous space. */
    VOLUME("volume", true),
    /** The largest single request over the horizon, as a fraction of capacity. */
    DEMAND("largest", false),
    /** The peak pressure over the horizon. */
    PEAK_PRESSURE("peak", false);

    /** θ of a peak-pressure forecast. */
    public static final double PEAK_THRESHOLD = 0.90;

    private final String id;
    private final boolean sums;

    Target(String id, boolean sums) {
        this.id = id;
        this.sums = sums;
    }

    /** Short name: {@code volume}, {@code largest} or {@code peak}. */
    public String id() {
        return id;
    }

    /** The target called {@code id}; throws listing the valid ids otherwise. */
    public static Target byId(String id) {
        for (Target target : values()) {
            if (target.id.equals(id)) {
                return target;
            }
        }
        throw new IllegalArgumentException("unknown target '" + id + "'; valid targets: volume, largest, peak");
    }

    /** Whether the label sums the observations of the horizon (else it takes their maximum). */
    public boolean sums() {
        return sums;
    }

    /** The per-sample observation the label is made of (non-negative; at most 1 unless it {@link #sums}). */
    public double observe(Sample sample) {
        return switch (this) {
            case VOLUME -> sample.volumeFraction();
            case DEMAND -> sample.largestRequestFraction();
            case PEAK_PRESSURE -> sample.pressure();
        };
    }

    /** The label made of {@code aggregate}, the sum or maximum of the horizon's observations. */
    public double label(double aggregate) {
        return sums ? labelOfVolume(aggregate) : aggregate;
    }

    /** θ for a prediction made at {@code sample}. */
    public double threshold(Sample sample) {
        return switch (this) {
            case VOLUME -> labelOfVolume((double) sample.classes().capacityBytes(0) / sample.capacityBytes());
            case DEMAND -> (double) sample.largestFreeBytes() / sample.capacityBytes();
            case PEAK_PRESSURE -> PEAK_THRESHOLD;
        };
    }

    /**
     * The target's value over the last horizon, as a label: the persistence forecast, and the
     * series the smoothing forecasters read. {@code recent} must already hold {@code sample}.
     */
    public double recent(Sample sample, RequestHistory recent) {
        return switch (this) {
            case VOLUME -> labelOfVolume(recent.volumeFraction());
            case DEMAND -> recent.largestFraction();
            case PEAK_PRESSURE -> sample.pressure();
        };
    }

    /** {@code v / (1 + v)}: a volume in capacities per horizon as a label in [0, 1). */
    public static double labelOfVolume(double capacities) {
        return capacities <= 0 ? 0.0 : capacities / (1.0 + capacities);
    }

    /** The inverse of {@link #labelOfVolume}: capacities per horizon for a label in [0, 1); infinite at 1. */
    public static double volumeOf(double label) {
        return label <= 0 ? 0.0 : label >= 1 ? Double.POSITIVE_INFINITY : label / (1.0 - label);
    }
}
