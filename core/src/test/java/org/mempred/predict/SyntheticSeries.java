package org.mempred.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mempred.heap.Granules;
import org.mempred.heap.SizeClasses;
import org.mempred.telemetry.ClassDemand;
import org.mempred.telemetry.Sample;
import org.mempred.telemetry.TelemetrySampler;

/**
 * Synthetic telemetry for predictor tests: a pressure series turned into consistent heap counters
 * (growth plus seeded background churn) and sampled through {@link TelemetrySampler} every 500 ms
 * on a 100 KiB heap.
 *
 * <ul>
 *   <li>{@link #rampPressures}: deterministic sawtooth, pressure rising linearly from 0.30 to 0.96
 *       over 70 s, then dropping back at once.
 *   <li>{@link #burstPressures}: calm around 0.55 (seeded ±0.01 noise), and every 30 s a burst:
 *       3 s rise to 0.93, 4 s hold, 2 s fall.
 * </ul>
 */
public final class SyntheticSeries {
    public static final int CAPACITY_BYTES = 102_400;
    public static final long TICK_NANOS = 500_000_000L;

    private static final double MEAN_BLOCK_BYTES = 256.0;
    private static final double CHURN_BYTES_PER_SECOND = 8_192.0;
    private static final int RAMP_TICKS = 140;
    private static final int BURST_PERIOD_TICKS = 60;
    private static final double BURST_TOP = 0.93;

    private SyntheticSeries() {}

    public static double[] rampPressures(int ticks) {
        double[] pressures = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            pressures[i] = 0.30 + 0.66 * (i % RAMP_TICKS) / (RAMP_TICKS - 1.0);
        }
        return pressures;
    }

    public static double[] burstPressures(int ticks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] pressures = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            int phase = i % BURST_PERIOD_TICKS;
            double calm = 0.55 + 0.02 * (random.nextDouble() - 0.5);
            if (phase < 6) {
                pressures[i] = calm + (BURST_TOP - calm) * (phase + 1) / 6.0;
            } else if (phase < 14) {
                pressures[i] = BURST_TOP;
            } else if (phase < 18) {
                pressures[i] = BURST_TOP - (BURST_TOP - calm) * (phase - 13) / 4.0;
            } else {
                pressures[i] = calm;
            }
        }
        return pressures;
    }

    /** Samples at ticks 1, 2, ... whose used bytes follow {@code pressures}. */
    public static List<Sample> samples(double[] pressures, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TelemetrySampler sampler = new TelemetrySampler();
        List<Sample> samples = new ArrayList<>(pressures.length);
        long[] counters = new long[5];
        int previousUsed = usedBytes(pressures[0]);
        for (int i = 0; i < pressures.length; i++) {
            int used = usedBytes(pressures[i]);
            long churn = Math.round(CHURN_BYTES_PER_SECOND * TICK_NANOS / 1e9 * (0.5 + random.nextDouble()));
            long grown = Math.max(0, used - previousUsed) + churn;
            long shrunk = Math.max(0, previousUsed - used) + churn;
            counters[0] += Math.round(grown / MEAN_BLOCK_BYTES);
            counters[1] += grown;
            counters[2] += Math.round(shrunk / MEAN_BLOCK_BYTES);
            counters[3] += shrunk;
            counters[4] += pressures[i] > 0.85 && random.nextDouble() < 0.3 ? 1 : 0;
            sampler.recordCounters(timeNanos(i), counters[0], counters[1], counters[2], counters[3], counters[4]);
            int free = CAPACITY_BYTES - used;
            int largestFree = (int) (free * (0.5 + 0.4 * random.nextDouble()));
            Sample plain = sampler.sample(CAPACITY_BYTES, used, largestFree, free == 0 ? 0 : 1 + random.nextInt(40));
            samples.add(withClasses(plain, grown));
            previousUsed = used;
        }
        return samples;
    }

    /**
     * {@code sample} with per-class figures, so that volume forecasts have something to read: the
     * bytes it grew by, as requests of the 2 KiB class, and its largest free block as the contiguous
     * capacity of every class it can hold. Draws nothing from the series' random stream, so every
     * other figure of the series stays as it was.
     */
    private static Sample withClasses(Sample sample, long grownBytes) {
        long[] volume = new long[SizeClasses.COUNT];
        long[] capacity = new long[SizeClasses.COUNT];
        volume[SizeClasses.of(2048)] = grownBytes;
        for (int c = 0; c < SizeClasses.COUNT && SizeClasses.lowerEdgeBytes(c) <= sample.largestFreeBytes(); c++) {
            capacity[c] = sample.largestFreeBytes();
        }
        return new Sample(
                sample.timeNanos(),
                sample.capacityBytes(),
                sample.usedBytes(),
                sample.largestFreeBytes(),
                sample.freeBlocks(),
                sample.allocBytesPerSecond(),
                sample.allocOpsPerSecond(),
                sample.freeBytesPerSecond(),
                sample.freeOpsPerSecond(),
                sample.compactions(),
                sample.requests(),
                ClassDemand.of(volume, new long[SizeClasses.COUNT], capacity));
    }

    public static long timeNanos(int tick) {
        return (tick + 1) * TICK_NANOS;
    }

    /** The exact pressures of {@code samples} (after rounding to the granule). */
    public static RecordedFuture future(List<Sample> samples) {
        long[] times = new long[samples.size()];
        double[] pressures = new double[samples.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = samples.get(i).timeNanos();
            pressures[i] = samples.get(i).pressure();
        }
        return new RecordedFuture(times, pressures);
    }

    private static int usedBytes(double pressure) {
        return (int) Math.round(pressure * CAPACITY_BYTES / Granules.BYTES) * Granules.BYTES;
    }
}
