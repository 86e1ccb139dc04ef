package org.mempred.telemetry;

import org.mempred.heap.Granules;

/**
 * One telemetry sample of a heap at {@code timeNanos}: what every predictor reads.
 *
 * <p>Space figures are an instantaneous snapshot; the four rates are averages over the sampler's
 * sliding window (see {@link RateWindow}); {@code compactions} is the cumulative count since the
 * heap was created. Free bytes, pressure and fragmentation are derived, never stored, so a sample
 * cannot disagree with itself.
 *
 * @param timeNanos clock time of the snapshot (virtual or real nanoseconds, any origin)
 * @param capacityBytes arena size, positive
 * @param usedBytes bytes held by live blocks, in [0, capacityBytes]
 * @param largestFreeBytes largest free block, in [0, freeBytes()]
 * @param freeBlocks number of free blocks, non-negative
 * @param allocBytesPerSecond bytes allocated per second over the window
 * @param allocOpsPerSecond successful allocations per second over the window
 * @param freeBytesPerSecond bytes freed per second over the window
 * @param freeOpsPerSecond frees per second over the window
 * @param compactions cumulative compactions of any kind
 * @param requests the allocation requests since the previous sample ({@link Requests#NONE} for
 *     the first)
 * @param classes per size class: the volume requested and failed since the previous sample and the
 *     contiguous capacity now ({@link ClassDemand#NONE} when not measured)
 */
public record Sample(
        long timeNanos,
        int capacityBytes,
        int usedBytes,
        int largestFreeBytes,
        int freeBlocks,
        double allocBytesPerSecond,
        double allocOpsPerSecond,
        double freeBytesPerSecond,
        double freeOpsPerSecond,
        long compactions,
        Requests requests,
        ClassDemand classes) {

    /** Checks the invariants listed on the components; throws with the offending values. */
    public Sample {
        if (requests == null || classes == null) {
            throw new IllegalArgumentException(
                    "requests and classes must not be null (use Requests.NONE, ClassDemand.NONE)");
        }
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacityBytes=" + capacityBytes + " must be positive");
        }
        if (usedBytes < 0 || usedBytes > capacityBytes) {
            throw new IllegalArgumentException(
                    "usedBytes=" + usedBytes + " outside [0, capacityBytes=" + capacityBytes + "]");
        }
        if (largestFreeBytes < 0 || largestFreeBytes > capacityBytes - usedBytes) {
            throw new IllegalArgumentException("largestFreeBytes=" + largestFreeBytes + " outside [0, freeBytes="
                    + (capacityBytes - usedBytes) + "]");
        }
        if (freeBlocks < 0 || compactions < 0) {
            throw new IllegalArgumentException(
                    "freeBlocks=" + freeBlocks + " and compactions=" + compactions + " must be non-negative");
        }
        requireRate("allocBytesPerSecond", allocBytesPerSecond);
        requireRate("allocOpsPerSecond", allocOpsPerSecond);
        requireRate("freeBytesPerSecond", freeBytesPerSecond);
        requireRate("freeOpsPerSecond", freeOpsPerSecond);
    }

    private static void requireRate(String name, double perSecond) {
        if (!(perSecond >= 0.0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException(name + "=" + perSecond + " must be finite and non-negative");
        }
    }

    /** {@code capacityBytes - usedBytes}. */
    public int freeBytes() {
        return capacityBytes - usedBytes;
    }

    /** The largest request since the previous sample over capacity, in [0, 1]. */
    public double largestRequestFraction() {
        return Math.min(1.0, (double) requests.largestBytes() / capacityBytes);
    }

    /** Bytes requested in every size class since the previous sample, over capacity (may exceed 1). */
    public double volumeFraction() {
        return (double) classes.totalVolumeBytes() / capacityBytes;
    }

    /** Used bytes over capacity, in [0, 1]. */
    public double pressure() {
        return (double) usedBytes / capacityBytes;
    }

    /** {@code 1 - largestFree/free}, 0 when nothing is free (docs/design.md "Definitions"). */
    public double fragmentation() {
        int freeBytes = freeBytes();
        return Granules.fragmentation(largestFreeBytes, freeBytes);
    }
}
