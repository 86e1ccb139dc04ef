package org.mempred.govern;

/**
 * The largest request of the last horizon, from the largest request of each tick's sample: what a
 * reserve policy compares its expectation with, so that its escalation's full compaction runs for
 * a surge (a request at least twice as large as any the last horizon asked for, which the steady churn's holes
 * and windows were not shaped for), not for the steady demand the cheaper steps already serve.
 *
 * <p>A ring of (time, largest) per tick, {@value #CAPACITY} entries; entries older than the
 * horizon are skipped when read, and the ring keeps the newest when ticks come faster than it
 * holds (then the horizon read is shorter). O(entries) per read, O(1) per add, no allocation.
 */
final class RecentLargest {
    private static final int CAPACITY = 64;
    /**
     * A surge is a change of scale, not a fluctuation: at least twice the largest request of the
     * last horizon (one step of a binary size class, as allocators' size classes and Linux's
     * orders count sizes).
     */
    static final int SURGE_FACTOR = 2;

    private final long horizonNanos;
    private final long[] timeNanos = new long[CAPACITY];
    private final long[] largestBytes = new long[CAPACITY];
    private int count;
    private int next;

    RecentLargest(long horizonNanos) {
        this.horizonNanos = horizonNanos;
    }

    /** Records the largest request of the tick at {@code nowNanos}. */
    void add(long nowNanos, long largest) {
        timeNanos[next] = nowNanos;
        largestBytes[next] = largest;
        next = (next + 1) % CAPACITY;
        count = Math.min(CAPACITY, count + 1);
    }

    /** The largest request of the ticks in {@code (nowNanos - horizon, nowNanos]}; 0 when none. */
    long largest(long nowNanos) {
        long largest = 0;
        for (int i = 0; i < count; i++) {
            if (nowNanos - timeNanos[i] < horizonNanos) {
                largest = Math.max(largest, largestBytes[i]);
            }
        }
        return largest;
    }

    /**
     * {@code expectedBytes} when it is at least {@value #SURGE_FACTOR} times the largest request
     * of the last horizon at {@code nowNanos} (a surge), else 0.
     */
    int surge(long nowNanos, int expectedBytes) {
        return expectedBytes > 0 && expectedBytes >= SURGE_FACTOR * largest(nowNanos) ? expectedBytes : 0;
    }
}
