package org.mempred.lab.workload;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * Periodic bursts of packet-sized buffers as an event stream: the large half of a
 * {@link BurstyWorkload}.
 *
 * <pre>
 *  live bytes
 *   ^        burst k                          burst k+1
 *   |       _____                            _____
 *   |      /     |\_                        /     |\_
 *   |_____/      |  \______________________/      |  \_____       n buffers of one size arrive
 *   +---------------------------------------------------------&gt; t over the burst, each is freed
 *         |&lt;----- gap = period x U[1-j, 1+j] ----&gt;|               at its end + U[0, maxHold]
 * </pre>
 *
 * <p><b>Model.</b> Each seed draws the run's period uniformly in {@code [minPeriod, maxPeriod]};
 * the first burst starts after one gap, and every gap is the period times a factor uniform in
 * {@code [1 - jitter, 1 + jitter]}. A burst draws its length uniformly in
 * {@code [minBurst, maxBurst]} and one buffer size uniformly from the configured packet sizes
 * (one flow's frames), and allocates {@code n = max(1, floor(burstShare * capacity / size))}
 * buffers at evenly spaced times over its length; a share {@code packetAtomicShare} of them is
 * atomic. Each buffer is freed at the burst's end plus a time uniform in {@code [0, maxHold]}, so
 * the burst's bytes are all live at its end. No buffer is pinned. Each packet size has one
 * allocation site (the receive path of that buffer size), a SplitMix64 mix of the size's index
 * and the id base, never {@link HeapEvent#NO_SITE}; every buffer of a site is short-lived.
 *
 * <p><b>Ids</b> are {@code idBase + k} for the k-th buffer of the run. Frees are kept in a
 * {@link PinSchedule}, whose due-time heap orders them. <b>Cost</b>: O(log buffers live) per
 * event, nothing allocated but when the schedule grows. Deterministic: a pure function of
 * (config, seed, duration).
 */
final class PacketBursts implements EventStream {
    private final BurstyConfig config;
    private final long durationNanos;
    private final long idBase;
    private final SplittableRandom random;
    private final long periodNanos;
    private final PinSchedule frees = new PinSchedule();

    private long burstStartNanos;
    private long burstEndNanos;
    private int burstSize;
    private int burstCount;
    private int burstIssued;
    private long nextId;

    private int burstSizeIndex;
    private final HeapEvent event = new HeapEvent();

    PacketBursts(BurstyConfig config, long seed, long durationNanos, long idBase) {
        this.config = config;
        this.durationNanos = durationNanos;
        this.idBase = idBase;
        this.random = new SplittableRandom(seed);
        this.periodNanos = uniform(config.minPeriodNanos(), config.maxPeriodNanos());
        startBurst(gapNanos());
    }

    @Override
    public boolean next() {
        long freeAt = frees.peekDueNanos();
        long allocateAt = burstIssued < burstCount ? arrivalNanos(burstIssued) : Long.MAX_VALUE;
        long eventAt = Math.min(freeAt, allocateAt);
        if (eventAt > durationNanos) {
            return false;
        }
        if (freeAt <= allocateAt) {
            event.other(eventAt, EventKind.FREE, frees.popDue());
            return true;
        }
        long buffer = idBase + nextId++;
        long hold = config.streamHoldNanos();
        frees.pin(
                buffer,
                hold > 0 ? eventAt + uniform(hold / 10, hold) : burstEndNanos + uniform(0, config.maxHoldNanos()));
        event.allocate(
                eventAt,
                buffer,
                burstSize,
                random.nextDouble() < config.packetAtomicShare(),
                site(idBase, burstSizeIndex));
        burstIssued++;
        if (burstIssued == burstCount) {
            startBurst(burstStartNanos + gapNanos());
        }
        return true;
    }

    /** Arrival of the burst's {@code i}-th buffer: evenly spaced over the burst. */
    private long arrivalNanos(int i) {
        return burstStartNanos + (burstEndNanos - burstStartNanos) * i / burstCount;
    }

    private void startBurst(long startNanos) {
        burstStartNanos = startNanos;
        burstEndNanos = startNanos + uniform(config.minBurstNanos(), config.maxBurstNanos());
        burstSizeIndex = random.nextInt(config.packetSizes().size());
        burstSize = config.packetSizes().get(burstSizeIndex);
        long live = Math.max(1, (long) (config.burstShare() * config.capacityBytes()) / burstSize);
        long hold = config.streamHoldNanos();
        // a stream keeps `live` buffers alive on average: arrivals = live x length / mean hold
        burstCount = (int) (hold > 0 ? Math.max(1, live * (burstEndNanos - burstStartNanos) / (hold * 11 / 20)) : live);
        burstIssued = 0;
    }

    private long gapNanos() {
        if (config.irregularGaps()) {
            double exponential = -Math.log(1.0 - random.nextDouble());
            return Math.max(periodNanos / 10, (long) (periodNanos * exponential));
        }
        double factor = 1 + config.periodJitter() * (2 * random.nextDouble() - 1);
        return Math.max(1, (long) (periodNanos * factor));
    }

    private long uniform(long min, long max) {
        return min == max ? min : min + random.nextLong(max - min + 1);
    }

    /** The site of buffers of the {@code index}-th packet size: a SplitMix64 mix, never 0. */
    static long site(long idBase, int index) {
        long z = idBase + (index + 1) * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        z ^= z >>> 31;
        return z == HeapEvent.NO_SITE ? 1 : z;
    }

    @Override
    public HeapEvent event() {
        return event;
    }

    @Override
    public Set<Characteristic> characteristics() {
        return Characteristic.of(true);
    }
}
