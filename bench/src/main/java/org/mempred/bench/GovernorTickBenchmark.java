package org.mempred.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mempred.govern.Governor;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.PolicySpec;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.predict.PredictorConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One governor tick with each forecaster of the volume decision (and {@code reserve}, which has
 * none): sample the heap (stats with per-class figures), advance labels, predict, decide. The heap
 * is a 100 KiB arena a third full of 64 B-2 KiB blocks; between ticks one block is freed and one
 * allocated, so each tick sees requests of the size classes and a changing capacity, while the
 * heap is never short enough for the tick to compact (a compaction's cost is
 * {@code CompactionBenchmark}'s). The goal of issue 23 is a tick of at most 2 µs with any
 * forecaster; {@code -prof gc} shows what a tick allocates (the sample and its per-class arrays).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GovernorTickBenchmark {
    private static final int BLOCKS = 64;
    private static final long TICK_NANOS = GovernorConfig.DEFAULTS.tickNanos();

    /** The policy: {@code reserve} or a forecaster's volume policy. */
    @Param({"reserve", "persistence", "holt", "zgc", "croston", "neural"})
    public String policy;

    private CompactingHeap heap;
    private Governor governor;
    private final long[] handles = new long[BLOCKS];
    private final int[] sizes = new int[BLOCKS];
    private long nowNanos;
    private int next;

    /** A heap a third full and a governor of {@code policy} on a clock the benchmark advances. */
    @Setup
    public void setUp() {
        heap = new CompactingHeap(100 * 1024);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < BLOCKS; i++) {
            sizes[i] = 64 + random.nextInt(2048 - 64);
            handles[i] = heap.allocate(sizes[i], AllocationMode.ATOMIC);
        }
        governor = new Governor(
                heap,
                () -> nowNanos,
                PolicySpec.parse(policy).create(PredictorConfig.DEFAULTS),
                GovernorConfig.DEFAULTS);
    }

    /** One block freed and allocated again, then one tick. */
    @Benchmark
    public Object tick() {
        int i = next++ & (BLOCKS - 1);
        heap.free(handles[i]);
        handles[i] = heap.allocate(sizes[i], AllocationMode.ATOMIC);
        nowNanos += TICK_NANOS;
        return governor.tick();
    }
}
