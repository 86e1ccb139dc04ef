package org.mempred.telemetry;

import org.mempred.heap.ClassFigures;
import org.mempred.heap.HeapStats;
import org.mempred.heap.RequestSizes;

/**
 * Turns periodic heap snapshots into {@link Sample}s with sliding-window rates.
 *
 * <p>Two steps per tick, because a snapshot has more numbers than a method should take: {@link
 * #recordCounters} feeds the cumulative counters to the {@link RateWindow} (allocates nothing), then
 * {@link #sample} adds the instantaneous space figures and builds the record (the only allocation
 * per tick, one small {@code Sample}). {@link #sample(long, HeapStats)} does both from a heap's
 * stats. The sampler is not thread-safe; one governor thread owns it.
 *
 * <p>Invariants: {@code sample} needs a preceding {@code recordCounters}; times strictly increase
 * and counters never decrease (checked by the window).
 */
public final class TelemetrySampler {
    /** Default rate window: 1 s, two governor ticks of 500 ms. */
    public static final long DEFAULT_WINDOW_NANOS = 1_000_000_000L;

    /** Default most snapshots held by the window. */
    public static final int DEFAULT_WINDOW_CAPACITY = 64;

    private final RateWindow rates;
    private long lastTimeNanos;
    private long lastCompactions;
    private boolean countersRecorded;
    private RequestSizes lastRequests = RequestSizes.NONE;
    private ClassFigures lastClasses = ClassFigures.NONE;

    /** A sampler with the default 1 s window. */
    public TelemetrySampler() {
        this(DEFAULT_WINDOW_NANOS, DEFAULT_WINDOW_CAPACITY);
    }

    /** A sampler whose rates average over {@code windowNanos}, holding at most {@code capacity}. */
    public TelemetrySampler(long windowNanos, int capacity) {
        this.rates = new RateWindow(windowNanos, capacity);
    }

    /** Step 1: records the cumulative counters at {@code timeNanos}; allocates nothing. */
    public void recordCounters(
            long timeNanos, long allocations, long allocatedBytes, long frees, long freedBytes, long compactions) {
        if (countersRecorded && compactions < lastCompactions) {
            throw new IllegalArgumentException(
                    "compactions=" + compactions + " went below the previous " + lastCompactions);
        }
        rates.record(timeNanos, allocations, allocatedBytes, frees, freedBytes);
        lastTimeNanos = timeNanos;
        lastCompactions = compactions;
        countersRecorded = true;
    }

    /** Step 2: the sample at the last recorded time, with these instantaneous space figures. */
    public Sample sample(int capacityBytes, int usedBytes, int largestFreeBytes, int freeBlocks) {
        return sample(capacityBytes, usedBytes, largestFreeBytes, freeBlocks, Requests.NONE, ClassDemand.NONE);
    }

    private Sample sample(
            int capacityBytes,
            int usedBytes,
            int largestFreeBytes,
            int freeBlocks,
            Requests requests,
            ClassDemand classes) {
        if (!countersRecorded) {
            throw new IllegalStateException("sample() needs recordCounters(...) first");
        }
        return new Sample(
                lastTimeNanos,
                capacityBytes,
                usedBytes,
                largestFreeBytes,
                freeBlocks,
                rates.allocBytesPerSecond(),
                rates.allocOpsPerSecond(),
                rates.freeBytesPerSecond(),
                rates.freeOpsPerSecond(),
                lastCompactions,
                requests,
                classes);
    }

    /**
     * Both steps from a heap's stats taken at {@code timeNanos}, with the requests made since the
     * previous call of this method.
     */
    public Sample sample(long timeNanos, HeapStats stats) {
        recordCounters(
                timeNanos,
                stats.allocations(),
                stats.allocatedBytes(),
                stats.frees(),
                stats.freedBytes(),
                stats.compactions());
        RequestSizes now = stats.requestSizes();
        Requests requests = new Requests(
                now.count() - lastRequests.count(),
                now.largestSinceBytes(lastRequests, stats.capacityBytes()),
                now.totalBytes() - lastRequests.totalBytes(),
                Math.max(0.0, now.sumSquaresBytes() - lastRequests.sumSquaresBytes()));
        lastRequests = now;
        ClassDemand classes = ClassDemand.between(lastClasses, stats.classes());
        lastClasses = stats.classes();
        return sample(
                stats.capacityBytes(),
                stats.usedBytes(),
                stats.largestFreeBytes(),
                stats.freeBlocks(),
                requests,
                classes);
    }

    /** Bytes held by the rate window's rings. */
    public long footprintBytes() {
        return rates.footprintBytes();
    }
}
