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
 * @param irregularGaps when set, each gap is instead the period times an exponential factor of
 *     mean 1, at least 1/10 (onsets of a Poisson process with a dead time): no rhythm to learn
 * @param minBurstNanos shortest time over which a burst's buffers arrive
 * @param maxBurstNanos longest such time
 * @param maxHoldNanos a buffer is freed at the burst's end plus a time uniform in [0, this]
 * @param streamHoldNanos when positive, the burst is a stream: each buffer is freed this long
 *     (uniform in [1/10, 1] of it) after it arrived, and the burst's arrivals are as many as keep
 *     {@code burstShare} of the capacity live on average, so its volume is many times that
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
        boolean irregularGaps,
        long minBurstNanos,
        long maxBurstNanos,
        long maxHoldNanos,
        long streamHoldNanos,
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

    /**
     * The shapes of the bursty family ({@code --workload bursty[-SHAPE]}), from the mildest: how
     * much of the heap one burst fills, over how long, and how regular the gaps are.
     *
     * <pre>
     *  shape      burst fills   arrives over   period     gaps
     *  (default)  5 %           50-200 ms      5-15 s     +-20 %
     *  regular    25 %          100-500 ms     5-10 s     exact
     *  large      50 %          0.5-2.5 s      8-16 s     +-20 %   (packet-buffer bursts)
     *  irregular  35 %          50 ms-1 s      5-15 s     exponential (dead time period/10)
     *  stream     5 % live      2.5 s          8-16 s     +-20 %   buffers of 1.5-2 KiB held 2-20 ms:
     *                                                              the burst's volume is ~10 heaps
     * </pre>
     *
     * <p>{@code stream} is a network receive path under a flow: steady small churn at
     * {@code demand - 10 %} (twice the stream's mean live share, as arrivals fluctuate) and, in bursts, packet buffers arriving at hundreds per second that
     * live for milliseconds — a heap nearly full of small blocks must find a 2 KiB hole hundreds
     * of times a second.
     *
     * <p>The shares are of the capacity at any demand; the churn holds {@code demand - share}.
     */
    public enum Shape {
        /** Bursts of 5 % over 50-200 ms every 5-15 s, gaps +-20 %. */
        DEFAULT("", 0.05, 50, 200, 5, 15, 0.2, false),
        /** Bursts of 25 % over 100-500 ms every 5-10 s, exact gaps. */
        REGULAR("regular", 0.25, 100, 500, 5, 10, 0.0, false),
        /** Bursts of half the heap over 0.5-2.5 s every 8-16 s, gaps +-20 %. */
        LARGE("large", 0.50, 500, 2500, 8, 16, 0.2, false),
        /** Bursts of 35 % over 50 ms-1 s, exponential gaps of mean 5-15 s. */
        IRREGULAR("irregular", 0.35, 50, 1000, 5, 15, 0.0, true),
        /** A stream of buffers held 2-20 ms for 2.5 s every 8-16 s, 5 % of the heap live. */
        STREAM("stream", 0.05, 2500, 2500, 8, 16, 0.2, false);

        private final String suffix;
        private final double share;
        private final long minBurstMillis;
        private final long maxBurstMillis;
        private final long minPeriodSeconds;
        private final long maxPeriodSeconds;
        private final double jitter;
        private final boolean irregular;

        @SuppressWarnings("checkstyle:ParameterNumber")
        Shape(
                String suffix,
                double share,
                long minBurstMillis,
                long maxBurstMillis,
                long minPeriodSeconds,
                long maxPeriodSeconds,
                double jitter,
                boolean irregular) {
            this.suffix = suffix;
            this.share = share;
            this.minBurstMillis = minBurstMillis;
            this.maxBurstMillis = maxBurstMillis;
            this.minPeriodSeconds = minPeriodSeconds;
            this.maxPeriodSeconds = maxPeriodSeconds;
            this.jitter = jitter;
            this.irregular = irregular;
        }

        /** The workload name: {@code bursty} or {@code bursty-SHAPE}. */
        public String workloadName() {
            return suffix.isEmpty() ? "bursty" : "bursty-" + suffix;
        }

        /** The share of the capacity one burst fills. */
        public double share() {
            return share;
        }
    }

    /** Buffers of a stream: an Ethernet frame and a 2 KiB buffer. */
    public static final List<Integer> STREAM_SIZES = List.of(1536, 2048);

    /** The longest a stream's buffer lives. */
    public static final long STREAM_HOLD_NANOS = 20 * MILLIS;

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
        if (minBurstNanos <= 0 || maxBurstNanos < minBurstNanos || maxHoldNanos < 0 || streamHoldNanos < 0) {
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
        return of(Shape.DEFAULT, demand, capacityBytes);
    }

    /** The {@code shape} of the bursty family at {@code demand} on a heap of {@code capacityBytes}. */
    public static BurstyConfig of(Shape shape, double demand, int capacityBytes) {
        if (!(demand > 0 && demand <= 1)) {
            throw new IllegalArgumentException("demand=" + demand + " outside (0, 1]");
        }
        double burstShare = Math.min(shape.share, demand / 2);
        StressorConfig churn = new StressorConfig(
                demand - (shape == Shape.STREAM ? 2 * burstShare : burstShare),
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
                shape.minPeriodSeconds * SECOND,
                shape.maxPeriodSeconds * SECOND,
                shape.jitter,
                shape.irregular,
                shape.minBurstMillis * MILLIS,
                shape.maxBurstMillis * MILLIS,
                shape == Shape.STREAM ? 0 : 300 * MILLIS,
                shape == Shape.STREAM ? STREAM_HOLD_NANOS : 0,
                shape == Shape.STREAM ? STREAM_SIZES : PACKET_SIZES,
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
