package org.mempred.lab.workload;

import java.util.List;
import java.util.Set;

/**
 * The multi-subsystem mix: several {@link PressureStressor}s with different patterns sharing one
 * heap, merged by time (the seed report's long autonomous test). Each subsystem holds a fixed
 * share of the total target pressure, so the mix's mean intended pressure is the sum of the
 * subsystems' targets.
 *
 * <pre>
 *  subsystem  share  req/s  sizes    pattern     atomic  pins  character
 *  network    0.25   100    NETWORK  BURSTY      0.60    0 %   interrupt-context packet buffers
 *  cache      0.40    50    KERNEL   SLOW_RAMPS  0.05    0 %   slowly growing and shrinking caches
 *  driver     0.15    25    DMA      KERNEL      0.10    20 %  DMA buffers pinned while in flight
 *  process    0.20    75    KERNEL   KERNEL      0.20    2 %   process churn with phase changes
 * </pre>
 *
 * Each subsystem is seeded from the mix seed and its index, and gets ids from {@code index << 32}.
 */
public final class SubsystemMix implements Workload {
    private final double targetPressure;
    private final int capacityBytes;
    private final List<StressorConfig> subsystems;

    /** The mix above for a total {@code targetPressure} on a heap of {@code capacityBytes}. */
    public SubsystemMix(double targetPressure, int capacityBytes) {
        if (!(targetPressure > 0.0 && targetPressure <= 1.0)) {
            throw new IllegalArgumentException("targetPressure=" + targetPressure + " outside (0, 1]");
        }
        this.targetPressure = targetPressure;
        this.capacityBytes = capacityBytes;
        double swing = StressorConfig.defaultSwing(targetPressure);
        this.subsystems = List.of(
                subsystem(0.25, 100.0, 0.60, 0.0, swing, SizeMix.NETWORK, TemporalPattern.BURSTY),
                subsystem(0.40, 50.0, 0.05, 0.0, swing, SizeMix.KERNEL, TemporalPattern.SLOW_RAMPS),
                subsystem(0.15, 25.0, 0.10, 0.20, swing, SizeMix.DMA, TemporalPattern.KERNEL),
                subsystem(0.20, 75.0, 0.20, 0.02, swing, SizeMix.KERNEL, TemporalPattern.KERNEL));
    }

    private StressorConfig subsystem(
            double share,
            double opsPerSecond,
            double atomicShare,
            double pinShare,
            double swing,
            SizeMix sizes,
            TemporalPattern pattern) {
        return new StressorConfig(
                share * targetPressure,
                capacityBytes,
                opsPerSecond,
                atomicShare,
                0.02,
                0.30,
                pinShare,
                100_000_000L,
                share * swing,
                sizes,
                pattern);
    }

    @Override
    public String name() {
        return "subsystem mix at demand " + Math.round(targetPressure * 100) + "%";
    }

    @Override
    public EventStream open(long seed, long durationNanos) {
        EventStream[] streams = new EventStream[subsystems.size()];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = new PressureStressor(subsystems.get(i), seed * 31 + i, durationNanos, (long) i << 32);
        }
        return new MergedStream(streams);
    }

    @Override
    public int maxRequestBytes() {
        int max = 0;
        for (StressorConfig config : subsystems) {
            max = Math.max(max, config.sizes().maxBytes());
        }
        return max;
    }

    /** Sites: every stressor names its allocations' sites. */
    @Override
    public Set<Characteristic> characteristics() {
        return Characteristic.of(true);
    }
}
