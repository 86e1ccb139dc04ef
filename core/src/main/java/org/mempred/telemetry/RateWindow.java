package org.mempred.telemetry;

/**
 * Sliding-window rates of four cumulative heap counters (allocations, allocated bytes, frees,
 * freed bytes), fed one snapshot at a time; allocates nothing after construction.
 *
 * <p>Layout: five parallel primitive rings of {@code capacity} slots, oldest at {@code head}:
 *
 * <pre>
 *   slot:        head        head+1      ...   head+size-1 (newest)
 *   timeNanos    t0          t1          ...   tn
 *   counters     c0[4]       c1[4]       ...   cn[4]      (counters stored flat, 4 per slot)
 * </pre>
 *
 * <p>Rate definition: after recording the newest snapshot at {@code tn}, the <em>base</em> is the
 * oldest snapshot still in the ring; every rate is {@code (cn - cbase) / (tn - tbase)} per
 * second. Eviction keeps the base inside the window when it can: after each record, the oldest
 * snapshot is dropped while more than two remain and it is older than {@code tn - windowNanos}.
 * So with ticks shorter than the window the rate spans the window, and with ticks longer than the
 * window it spans the last interval. When more than {@code capacity} snapshots fall inside the
 * window the oldest is dropped anyway and the effective window shrinks. Before a second snapshot
 * exists every rate is 0.
 *
 * <p>Invariants: times strictly increase; counters never decrease (both checked, with values in
 * the message). Cost: {@link #record} is amortised O(1); the rate getters are O(1).
 */
public final class RateWindow {
    private static final int COUNTERS = 4;
    private static final double NANOS_PER_SECOND = 1e9;

    private final long windowNanos;
    private final long[] timeNanos;
    private final long[] counters;
    private int head;
    private int size;

    /**
     * Creates an empty window.
     *
     * @param windowNanos span the rates average over, positive
     * @param capacity most snapshots held, at least 2
     */
    public RateWindow(long windowNanos, int capacity) {
        if (windowNanos <= 0 || capacity < 2) {
            throw new IllegalArgumentException(
                    "windowNanos=" + windowNanos + " must be positive and capacity=" + capacity + " at least 2");
        }
        this.windowNanos = windowNanos;
        this.timeNanos = new long[capacity];
        this.counters = new long[capacity * COUNTERS];
    }

    /** Records the cumulative counters observed at {@code nowNanos}; allocates nothing. */
    public void record(long nowNanos, long allocations, long allocatedBytes, long frees, long freedBytes) {
        if (size > 0) {
            int newest = slot(size - 1);
            if (nowNanos <= timeNanos[newest]) {
                throw new IllegalArgumentException(
                        "nowNanos=" + nowNanos + " must exceed the previous timeNanos=" + timeNanos[newest]);
            }
            requireNotBelow(newest, allocations, allocatedBytes, frees, freedBytes);
        }
        if (size == timeNanos.length) {
            dropOldest();
        }
        int slot = slot(size++);
        timeNanos[slot] = nowNanos;
        int base = slot * COUNTERS;
        counters[base] = allocations;
        counters[base + 1] = allocatedBytes;
        counters[base + 2] = frees;
        counters[base + 3] = freedBytes;
        while (size > 2 && timeNanos[head] < nowNanos - windowNanos) {
            dropOldest();
        }
    }

    private void requireNotBelow(int newest, long allocations, long allocatedBytes, long frees, long freedBytes) {
        int base = newest * COUNTERS;
        if (allocations < counters[base]
                || allocatedBytes < counters[base + 1]
                || frees < counters[base + 2]
                || freedBytes < counters[base + 3]) {
            throw new IllegalArgumentException("cumulative counters went down: allocations=" + allocations
                    + ", allocatedBytes=" + allocatedBytes + ", frees=" + frees + ", freedBytes=" + freedBytes
                    + " after " + counters[base] + ", " + counters[base + 1] + ", " + counters[base + 2] + ", "
                    + counters[base + 3]);
        }
    }

    /** Allocations per second over the window. */
    public double allocOpsPerSecond() {
        return rate(0);
    }

    /** Allocated bytes per second over the window. */
    public double allocBytesPerSecond() {
        return rate(1);
    }

    /** Frees per second over the window. */
    public double freeOpsPerSecond() {
        return rate(2);
    }

    /** Freed bytes per second over the window. */
    public double freeBytesPerSecond() {
        return rate(3);
    }

    /** Snapshots currently held (the base, the newest, and any between). */
    public int size() {
        return size;
    }

    /** Bytes held by the rings: array lengths times element size plus array headers. */
    public long footprintBytes() {
        return ArrayBytes.ofLongs(timeNanos.length) + ArrayBytes.ofLongs(counters.length);
    }

    private double rate(int counter) {
        if (size < 2) {
            return 0.0;
        }
        int oldest = head;
        int newest = slot(size - 1);
        double seconds = (timeNanos[newest] - timeNanos[oldest]) / NANOS_PER_SECOND;
        return (counters[newest * COUNTERS + counter] - counters[oldest * COUNTERS + counter]) / seconds;
    }

    private void dropOldest() {
        head = slot(1);
        size--;
    }

    private int slot(int index) {
        int slot = head + index;
        return slot >= timeNanos.length ? slot - timeNanos.length : slot;
    }
}
