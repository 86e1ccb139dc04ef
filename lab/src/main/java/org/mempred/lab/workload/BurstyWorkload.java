package org.mempred.lab.workload;

import java.util.Set;

/**
 * The bursty workload: a steady churn of small blocks with periodic bursts of packet-sized
 * buffers on top, as a network stack's heap sees it (headers, descriptors and small objects all
 * the time; a flow's frames now and then). The churn is a {@link PressureStressor} at a constant
 * level of {@code demand - burstShare} with small sizes only; the bursts are {@link PacketBursts};
 * both are seeded from the workload seed and merged by time. So between bursts the heap is full of
 * small blocks scattered by churn, and at the top of a burst the live set reaches the demand with
 * several large requests at once — which only contiguous space made before the burst can serve,
 * since most of them are atomic. Defaults: {@link BurstyConfig#of}.
 *
 * <p>Ids: the churn's from 0, the buffers' from {@code 1 << 32}. Deterministic per seed.
 */
public final class BurstyWorkload implements Workload {
    private static final long BURST_ID_BASE = 1L << 32;

    private final BurstyConfig config;
    private final String name;

    /** A workload of {@code config}, called {@code bursty}. */
    public BurstyWorkload(BurstyConfig config) {
        this(config, "bursty");
    }

    /** A workload of {@code config} called {@code name}. */
    public BurstyWorkload(BurstyConfig config, String name) {
        this.config = config;
        this.name = name;
    }

    /** The default bursty workload at {@code demand} on a heap of {@code capacityBytes}. */
    public static BurstyWorkload of(double demand, int capacityBytes) {
        return of(BurstyConfig.Shape.DEFAULT, demand, capacityBytes);
    }

    /** The {@code shape} of the bursty family at {@code demand} on a heap of {@code capacityBytes}. */
    public static BurstyWorkload of(BurstyConfig.Shape shape, double demand, int capacityBytes) {
        return new BurstyWorkload(BurstyConfig.of(shape, demand, capacityBytes), shape.workloadName());
    }

    /** The configuration streams are generated from. */
    public BurstyConfig config() {
        return config;
    }

    @Override
    public String name() {
        return name + " at demand " + Math.round(config.demand() * 1000) / 10.0 + "%";
    }

    @Override
    public EventStream open(long seed, long durationNanos) {
        return new MergedStream(
                new PressureStressor(config.churn(), seed * 31, durationNanos, 0),
                new PacketBursts(config, seed * 31 + 1, durationNanos, BURST_ID_BASE));
    }

    @Override
    public int maxRequestBytes() {
        return config.maxRequestBytes();
    }

    /** Sites: the churn's stressor names them, and each packet size has one. */
    @Override
    public Set<Characteristic> characteristics() {
        return Characteristic.of(true);
    }
}
