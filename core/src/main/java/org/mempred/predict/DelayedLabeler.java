package org.mempred.predict;

import org.mempred.telemetry.ArrayBytes;

/**
 * Delayed labelling shared by every learner: a bounded ring of past predictions that each become
 * a label once the clock has passed their horizon. It is the only producer of labels, so no
 * learner ever sees a label before {@code t + H}.
 *
 * <p>Layout: parallel primitive rings of {@code capacity} slots, oldest first from {@code head}:
 *
 * <pre>
 *   timeNanos[k]      prediction time t          pressure[k]  pressure p at t
 *   prediction[k]     value predicted at t       peak[k]      max pressure seen in (t, now], NaN if none
 *   features[k*w ..]  the w features read at t
 * </pre>
 *
 * <p>Protocol per clock step {@code now} (non-decreasing): {@link #advance} first folds the
 * pressure observed at {@code now} into every pending entry with {@code t < now <= t + H}, then
 * delivers, oldest first, every entry with {@code now >= t + H}: its label is the largest pressure
 * observed in {@code (t, t + H]}. Then {@link #record} may add the prediction made at {@code now}.
 * An entry whose interval held no observation yields no label ({@link #unobservedDrops()}); when
 * the ring is full, recording drops the oldest pending entry ({@link #overflowDrops()}). Entries
 * are in time order, so maturity is first-in first-out. Cost: advance O(pending + w per label),
 * record O(w); nothing is allocated after construction.
 */
public final class DelayedLabeler {
    private final long horizonNanos;
    private final int width;
    private final Target target;
    private final long[] timeNanos;
    private final double[] pressure;
    private final double[] threshold;
    private final double[] reference;
    private final double[] prediction;
    private final double[] peak;
    private final double[] features;
    private final double[] scratch;
    private int head;
    private int size;
    private long clockNanos = Long.MIN_VALUE;
    private long labels;
    private long unobservedDrops;
    private long overflowDrops;

    /** A labeler of peak pressure for horizon {@code horizonNanos}, holding {@code capacity} predictions of width. */
    public DelayedLabeler(long horizonNanos, int capacity, int width) {
        this(horizonNanos, capacity, width, Target.PEAK_PRESSURE);
    }

    /**
     * A labeler of {@code target} for horizon {@code horizonNanos}, holding {@code capacity}
     * predictions of width: the label folds the observations of {@code (t, t + H]} by their sum or
     * maximum, as the target says ({@link Target#sums()}, {@link Target#label}).
     */
    public DelayedLabeler(long horizonNanos, int capacity, int width, Target target) {
        if (horizonNanos <= 0 || capacity < 1 || width < 0) {
            throw new IllegalArgumentException("horizonNanos=" + horizonNanos + " and capacity=" + capacity
                    + " must be positive, width=" + width + " non-negative");
        }
        this.horizonNanos = horizonNanos;
        this.width = width;
        this.target = target;
        this.timeNanos = new long[capacity];
        this.pressure = new double[capacity];
        this.threshold = new double[capacity];
        this.reference = new double[capacity];
        this.prediction = new double[capacity];
        this.peak = new double[capacity];
        this.features = new double[capacity * width];
        this.scratch = new double[width];
    }

    /**
     * Moves the clock to {@code nowNanos}, where {@code pressureNow} was observed, and hands every
     * matured entry to {@code listener}.
     */
    public void advance(long nowNanos, double observedNow, LabelListener listener) {
        double pressureNow = observedNow;
        if (nowNanos < clockNanos) {
            throw new IllegalArgumentException("nowNanos=" + nowNanos + " is before the clock " + clockNanos);
        }
        if (target.sums()) {
            if (!(pressureNow >= 0.0) || Double.isInfinite(pressureNow)) {
                throw new IllegalArgumentException("observedNow=" + pressureNow + " must be finite and non-negative");
            }
        } else {
            Checks.requirePressure("pressureNow", pressureNow);
        }
        clockNanos = nowNanos;
        boolean sums = target.sums();
        for (int k = 0; k < size; k++) {
            int slot = slot(k);
            long age = nowNanos - timeNanos[slot];
            if (age > 0 && age <= horizonNanos) {
                double folded = sums ? peak[slot] + pressureNow : Math.max(peak[slot], pressureNow);
                peak[slot] = Double.isNaN(peak[slot]) ? pressureNow : folded;
            }
        }
        while (size > 0 && nowNanos - timeNanos[head] >= horizonNanos) {
            deliverOldest(listener);
        }
    }

    private void deliverOldest(LabelListener listener) {
        int slot = head;
        System.arraycopy(features, slot * width, scratch, 0, width);
        long predictedAt = timeNanos[slot];
        double label = target.label(peak[slot]);
        head = slot(1);
        size--;
        if (Double.isNaN(label)) {
            unobservedDrops++;
            return;
        }
        labels++;
        listener.onLabel(
                predictedAt, pressure[slot], threshold[slot], reference[slot], prediction[slot], label, scratch);
    }

    /**
     * Records a peak-pressure prediction made at the current clock time from {@code featuresAtNow[0
     * .. w)}: θ = {@link Target#PEAK_THRESHOLD}, persistence's forecast = the pressure now.
     */
    public void record(long nowNanos, double pressureNow, double predicted, double[] featuresAtNow) {
        record(nowNanos, pressureNow, Target.PEAK_THRESHOLD, pressureNow, predicted, featuresAtNow);
    }

    /**
     * Records the prediction made at the current clock time, with the θ and the persistence
     * forecast it will be judged by.
     */
    public void record(
            long nowNanos,
            double pressureNow,
            double thresholdNow,
            double referenceNow,
            double predicted,
            double[] featuresAtNow) {
        if (nowNanos != clockNanos) {
            throw new IllegalArgumentException("nowNanos=" + nowNanos + " differs from the clock " + clockNanos
                    + ": call advance(now, ...) before record(now, ...)");
        }
        if (featuresAtNow.length < width) {
            throw new IllegalArgumentException(
                    "featuresAtNow.length=" + featuresAtNow.length + " is below width=" + width);
        }
        if (size == timeNanos.length) {
            head = slot(1);
            size--;
            overflowDrops++;
        }
        int slot = slot(size++);
        timeNanos[slot] = nowNanos;
        pressure[slot] = pressureNow;
        threshold[slot] = thresholdNow;
        reference[slot] = referenceNow;
        prediction[slot] = predicted;
        peak[slot] = Double.NaN;
        System.arraycopy(featuresAtNow, 0, features, slot * width, width);
    }

    /** Predictions waiting for their label. */
    public int pending() {
        return size;
    }

    /** Labels delivered so far. */
    public long labels() {
        return labels;
    }

    /** Entries dropped because no pressure was observed in their interval. */
    public long unobservedDrops() {
        return unobservedDrops;
    }

    /** Entries dropped unlabelled because the ring was full. */
    public long overflowDrops() {
        return overflowDrops;
    }

    /** Bytes held by the rings and the scratch array. */
    public long footprintBytes() {
        int capacity = timeNanos.length;
        return ArrayBytes.ofLongs(capacity)
                + 5 * ArrayBytes.ofDoubles(capacity)
                + ArrayBytes.ofDoubles(features.length)
                + ArrayBytes.ofDoubles(scratch.length);
    }

    private int slot(int index) {
        int slot = head + index;
        return slot >= timeNanos.length ? slot - timeNanos.length : slot;
    }
}
