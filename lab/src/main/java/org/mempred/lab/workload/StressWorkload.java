package org.mempred.lab.workload;

import java.util.Set;

/** The single pressure-level stressor as a {@link Workload}: each seed opens a fresh stream. */
public final class StressWorkload implements Workload {
    private final StressorConfig config;

    /** A workload of {@code config}. */
    public StressWorkload(StressorConfig config) {
        this.config = config;
    }

    /** The default kernel-like stressor at {@code targetPressure} on a heap of {@code capacityBytes}. */
    public static StressWorkload kernel(double targetPressure, int capacityBytes) {
        return new StressWorkload(StressorConfig.kernel(targetPressure, capacityBytes));
    }

    /** The configuration streams are generated from. */
    public StressorConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "stress at demand " + Math.round(config.targetPressure() * 1000) / 10.0 + "%";
    }

    @Override
    public PressureStressor open(long seed, long durationNanos) {
        return new PressureStressor(config, seed, durationNanos, 0);
    }

    @Override
    public int maxRequestBytes() {
        return config.sizes().maxBytes();
    }

    /** Sites: every stressor names its allocations' sites. */
    @Override
    public Set<Characteristic> characteristics() {
        return Characteristic.of(true);
    }
}
