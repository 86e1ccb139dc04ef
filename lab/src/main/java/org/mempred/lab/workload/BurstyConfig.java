package org.mempred.lab.workload;

import java.util.List;

/**
 * Everything a {@link BurstyWorkload} needs: a steady churn of small blocks and periodic bursts of
 * packet-sized buffers. See {@link PacketBursts} for the model of a burst.
 *
 * @param demand the intended live share of the heap at the top of a burst, in (0, 1]
 * @param capacityBytes heap capacity the shares refer to
 * @param burstShare the share of the capacity one burst's buffers fill; the churn holds
 *     {@code demand - burstShare}
 * @param minPeriodNanos shortest mean gap between burst starts a seed can draw
 * @param maxPeriodNanos longest mean gap a seed can draw
 * @param periodJitter each gap is the run's period times a factor uniform in
 *     {@code [1 - jitter, 1 + jitter]}
 * @param minBurstNanos shortest time over which a burst's buffers arrive
 * @param maxBurstNanos longest such time
 * @param maxHoldNanos a buffer is freed at the burst's end plus a time uniform in [0, this]
 * @param packetSizes the buffer sizes a burst draws from (one size per burst, uniformly)
 * @param packetAtomicShare share of buffer allocations that may not wait (interrupt context)
 * @param churn the small-block churn's stressor (its target is {@code demand - burstShare})
 */
public record BurstyConfig(
        double demand,
        int capacityBytes,
        double burstShare,
        long minPeriodNanos,
        long maxPeriodNanos,
        double periodJitter,
        long minBurstNanos,
        long maxBurstNanos,
        long maxHoldNanos,
        List<Integer> packetSizes,
        double packetAtomicShare,
        StressorConfig churn) {

    private static final long MILLIS = 1_000_000L;
    private static final long SECOND = 1_000 * MILLIS;

    /** Share of the capacity a burst's buffers fill by default. */
    public static final double BURST_SHARE = 0.05;

    /** Small blocks only: 16–256 B, log-uniform (headers, descriptors, small objects). */
    public static final SizeMix SMALL = new SizeMix(0.0, 16, 256, 16, 256);

    /**
     * Packet buffers: an Ethernet frame (1,536 B), a 2 KiB and a 4 KiB buffer, and a jumbo frame
     * (9,216 B).
     */
    public static final List<Integer> PACKET_SIZES = List.of(1536, 2048, 4096, 9216);

    /** Checks every component, naming the bad value. */
    public BurstyConfig {
        packetSizes = List.copyOf(packetSizes);
        if (!(demand > 0 && demand <= 1) || !(burstShare > 0 && burstShare < demand)) {
            throw new IllegalArgumentException(
                    "demand=" + demand + " must be in (0, 1] and burstShare=" + burstShare + " in (0, demand)");
        }
        if (minPeriodNanos <= 0 || maxPeriodNanos < minPeriodNanos || !(periodJitter >= 0 && periodJitter < 1)) {
            throw new IllegalArgumentException("period range [" + minPeriodNanos + ", " + maxPeriodNanos
                    + "] ns must be positive and non-empty, periodJitter=" + periodJitter + " in [0, 1)");
        }
        if (minBurstNanos <= 0 || maxBurstNanos < minBurstNanos || maxHoldNanos < 0) {
            throw new IllegalArgumentException("burst range [" + minBurstNanos + ", " + maxBurstNanos
                    + "] ns must be positive and non-empty, maxHoldNanos=" + maxHoldNanos + " >= 0");
        }
        if (packetSizes.isEmpty() || packetSizes.stream().anyMatch(size -> size <= 0 || size > capacityBytes)) {
            throw new IllegalArgumentException(
                    "packetSizes=" + packetSizes + " must be non-empty, each in [1, " + capacityBytes + "]");
        }
        if (!(packetAtomicShare >= 0 && packetAtomicShare <= 1) || churn == null) {
            throw new IllegalArgumentException(
                    "packetAtomicShare=" + packetAtomicShare + " outside [0, 1], or churn missing");
        }
    }

    /**
     * The default shape at {@code demand} on a heap of {@code capacityBytes}: bursts filling 5 %
     * of the heap (at least one buffer: a jumbo burst is one frame of 9 KiB, more than 5 % of a
     * 100 KiB heap), a period drawn per seed in 5–15 s (each gap ±20 %), buffers arriving over
     * 50–200 ms, one packet size per burst from {@link #PACKET_SIZES}, 60 % atomic (as the
     * subsystem mix's network part), held to the burst's end plus up to 300 ms; under them the
     * kernel stressor's churn at {@code demand - 5 %} with {@link #SMALL} sizes, a constant level
     * (no swing) and no bursts of its own.
     */
    public static BurstyConfig of(double demand, int capacityBytes) {
        if (!(demand > 0 && demand <= 1)) {
            throw new IllegalArgumentException("demand=" + demand + " outside (0, 1]");
        }
        double burstShare = Math.min(BURST_SHARE, demand / 2);
        StressorConfig churn = new StressorConfig(
                demand - burstShare,
                capacityBytes,
                StressorConfig.DEFAULT_OPS_PER_SECOND,
                StressorConfig.DEFAULT_ATOMIC_SHARE,
                0.02,
                0.30,
                0.02,
                100 * MILLIS,
                0.0,
                SMALL,
                TemporalPattern.SLOW_RAMPS);
        return new BurstyConfig(
                demand,
                capacityBytes,
                burstShare,
                5 * SECOND,
                15 * SECOND,
                0.2,
                50 * MILLIS,
                200 * MILLIS,
                300 * MILLIS,
                PACKET_SIZES,
                0.60,
                churn);
    }

    /** The largest request either part can make. */
    int maxRequestBytes() {
        int max = churn.sizes().maxBytes();
        for (int size : packetSizes) {
            max = Math.max(max, size);
        }
        return max;
    }
}
