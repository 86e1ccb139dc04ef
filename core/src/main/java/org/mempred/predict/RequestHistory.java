package org.mempred.predict;

import org.mempred.telemetry.ArrayBytes;
import org.mempred.telemetry.Requests;
import org.mempred.telemetry.Sample;

/**
 * The request figures of the samples of the last horizon, for forecasts of demand: the largest
 * request (the {@code persistence} forecast), and the mean and standard deviation of request
 * sizes ({@code zgc}'s rule), all as fractions of capacity.
 *
 * <p>Layout: a ring of {@code capacity} samples (time, largest, count, sum, sum of squares);
 * {@link #add} drops entries older than the horizon and, when full, the oldest. Cost O(capacity)
 * per add; nothing is allocated after construction.
 */
public final class RequestHistory {
    private final long horizonNanos;
    private final long[] timeNanos;
    private final double[] largest;
    private final double[] count;
    private final double[] total;
    private final double[] squares;
    private final double[] volume;
    private int head;
    private int size;
    private int capacityBytes = 1;

    /**
     * A history covering {@code horizonNanos} with room for four times the samples a 5 s horizon
     * holds at 500 ms ticks: every forecaster and feature of demand uses this size.
     */
    public static RequestHistory forHorizon(long horizonNanos) {
        return new RequestHistory(horizonNanos, PredictionLoop.DEFAULT_HISTORY_CAPACITY * 4);
    }

    /** A history covering {@code horizonNanos}, holding at most {@code capacity} samples. */
    public RequestHistory(long horizonNanos, int capacity) {
        if (horizonNanos <= 0 || capacity < 1) {
            throw new IllegalArgumentException(
                    "horizonNanos=" + horizonNanos + " and capacity=" + capacity + " must be positive");
        }
        this.horizonNanos = horizonNanos;
        this.timeNanos = new long[capacity];
        this.largest = new double[capacity];
        this.count = new double[capacity];
        this.total = new double[capacity];
        this.squares = new double[capacity];
        this.volume = new double[capacity];
    }

    /** Adds the requests of {@code sample} and forgets those older than the horizon before it. */
    public void add(Sample sample) {
        long now = sample.timeNanos();
        while (size > 0 && now - timeNanos[head] >= horizonNanos) {
            head = (head + 1) % timeNanos.length;
            size--;
        }
        if (size == timeNanos.length) {
            head = (head + 1) % timeNanos.length;
            size--;
        }
        int slot = (head + size++) % timeNanos.length;
        Requests requests = sample.requests();
        timeNanos[slot] = now;
        largest[slot] = sample.largestRequestFraction();
        count[slot] = requests.count();
        total[slot] = requests.totalBytes();
        squares[slot] = requests.sumSquaresBytes();
        volume[slot] = sample.volumeFraction();
        capacityBytes = sample.capacityBytes();
    }

    /** The largest request of the window as a fraction of capacity; 0 when there was none. */
    public double largestFraction() {
        double max = 0.0;
        for (int k = 0; k < size; k++) {
            max = Math.max(max, largest[(head + k) % timeNanos.length]);
        }
        return max;
    }

    /** Bytes requested in size classes over the window, over capacity (capacities per window). */
    public double volumeFraction() {
        return sum(volume);
    }

    /**
     * Bytes requested in size classes over the newest samples spanning at most {@code spanNanos}
     * before the newest, over capacity.
     */
    public double volumeFraction(long spanNanos) {
        if (size == 0) {
            return 0.0;
        }
        long newest = timeNanos[(head + size - 1) % timeNanos.length];
        double sum = 0.0;
        for (int k = size - 1; k >= 0; k--) {
            int slot = (head + k) % timeNanos.length;
            if (newest - timeNanos[slot] >= spanNanos) {
                break;
            }
            sum += volume[slot];
        }
        return sum;
    }

    /** Mean request size of the window over capacity; 0 without requests. */
    public double meanFraction() {
        double n = sum(count);
        return n == 0 ? 0.0 : sum(total) / n / capacityBytes;
    }

    /** Standard deviation of request sizes of the window over capacity; 0 with fewer than two. */
    public double sdFraction() {
        double n = sum(count);
        if (n < 2) {
            return 0.0;
        }
        double mean = sum(total) / n;
        double variance = Math.max(0.0, sum(squares) / n - mean * mean);
        return Math.sqrt(variance) / capacityBytes;
    }

    private double sum(double[] values) {
        double sum = 0.0;
        for (int k = 0; k < size; k++) {
            sum += values[(head + k) % timeNanos.length];
        }
        return sum;
    }

    /** Bytes held by the ring. */
    public long footprintBytes() {
        return ArrayBytes.ofLongs(timeNanos.length) + 5 * ArrayBytes.ofDoubles(timeNanos.length);
    }
}
