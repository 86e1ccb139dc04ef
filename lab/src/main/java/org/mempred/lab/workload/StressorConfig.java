package org.mempred.lab.workload;

/**
 * Everything a {@link PressureStressor} needs. See its class comment for the model.
 *
 * @param targetPressure long-run mean of the intended live set over capacity, in (0, 1]
 * @param capacityBytes heap capacity the pressure refers to
 * @param opsPerSecond base rate of requests (allocate-or-free decisions), before bursts
 * @param atomicShare share of allocations that may not wait for compaction
 * @param longLivedAllocShare share of allocations that join the long-lived pool
 * @param longLivedByteShare share of the live bytes the long-lived pool is held at
 * @param pinShare share of allocations pinned right after allocation (transient pins)
 * @param meanPinNanos mean duration of a pin (exponential)
 * @param swing amplitude of the level's phases, in pressure (see {@link LevelProcess})
 * @param sizes the request-size mix
 * @param pattern the temporal structure
 */
public record StressorConfig(
        double targetPressure,
        int capacityBytes,
        double opsPerSecond,
        double atomicShare,
        double longLivedAllocShare,
        double longLivedByteShare,
        double pinShare,
        long meanPinNanos,
        double swing,
        SizeMix sizes,
        TemporalPattern pattern) {

    /**
     * Default base request rate: 250 per second. With ~230 live blocks at high pressure on
     * 100 KiB, the short-lived part of the live set turns over in about a second, so churn
     * re-fragments the heap on the time scale of the governor's ticks and horizon rather than many
     * times within one tick (where no tick-driven policy could act in time).
     */
    public static final double DEFAULT_OPS_PER_SECOND = 250.0;
    /** Default share of atomic allocations (docs/design.md "One allocation request"). */
    public static final double DEFAULT_ATOMIC_SHARE = 0.20;

    /** Checks every component, naming the bad value. */
    public StressorConfig {
        if (!(targetPressure > 0.0 && targetPressure <= 1.0)) {
            throw new IllegalArgumentException("targetPressure=" + targetPressure + " outside (0, 1]");
        }
        if (capacityBytes <= 0 || !(opsPerSecond > 0.0) || Double.isInfinite(opsPerSecond)) {
            throw new IllegalArgumentException("capacityBytes=" + capacityBytes + " and opsPerSecond=" + opsPerSecond
                    + " must be positive and finite");
        }
        requireShare("atomicShare", atomicShare);
        requireShare("longLivedAllocShare", longLivedAllocShare);
        requireShare("longLivedByteShare", longLivedByteShare);
        requireShare("pinShare", pinShare);
        requireShare("swing", swing);
        if (meanPinNanos <= 0 || sizes == null || pattern == null) {
            throw new IllegalArgumentException("meanPinNanos=" + meanPinNanos + " must be positive; sizes=" + sizes
                    + " and pattern=" + pattern + " are required");
        }
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + "=" + value + " outside [0, 1]");
        }
    }

    /**
     * The default kernel-like stressor for {@code targetPressure} on a heap of
     * {@code capacityBytes}: 250 requests/s, 20 % atomic, 2 % of allocations long-lived holding
     * 30 % of the live bytes, 2 % pinned for ~100 ms, {@link SizeMix#KERNEL},
     * {@link TemporalPattern#KERNEL}, and a swing of {@link #defaultSwing}.
     */
    public static StressorConfig kernel(double targetPressure, int capacityBytes) {
        return new StressorConfig(
                targetPressure,
                capacityBytes,
                DEFAULT_OPS_PER_SECOND,
                DEFAULT_ATOMIC_SHARE,
                0.02,
                0.30,
                0.02,
                100_000_000L,
                defaultSwing(targetPressure),
                SizeMix.KERNEL,
                TemporalPattern.KERNEL);
    }

    /**
     * {@code min(0.10, (1 - target) / 2)}: wide enough to give phases something to predict, narrow
     * enough that target + swing * (1 + burst level) stays below 1 for the default patterns.
     */
    public static double defaultSwing(double targetPressure) {
        return Math.min(0.10, (1.0 - targetPressure) / 2.0);
    }
}
