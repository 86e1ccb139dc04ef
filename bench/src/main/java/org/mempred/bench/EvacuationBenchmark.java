package org.mempred.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.heap.Handles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code compactFor(8 KiB)} on a fragmented heap of 100 KiB, 16 MiB and 1 GiB: the cost of finding
 * the cheapest window through the live summary and evacuating it.
 *
 * <p>The heap is filled with blocks of 16 B – 2 KiB, then about half of them are freed, never more
 * than three in a row, so every hole is below 8 KiB and each call must evacuate. Before each call
 * (untimed) any free block of 8 KiB or more, such as the one the previous call made, is filled
 * with 8 KiB blocks; when the heap drops below 35 % free it is rebuilt. So every timed call
 * searches and moves, on a heap that stays fragmented. The per-invocation setup adds the timer's
 * overhead (tens of ns) to calls of a few µs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EvacuationBenchmark {
    private static final int TARGET_BYTES = 8 * 1024;

    @Param({"102400", "16777216", "1073741824"})
    public int capacityBytes;

    private CompactingHeap heap;
    private long seed;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom random = new SplittableRandom(seed++);
        heap = new CompactingHeap(capacityBytes);
        long[] blocks = new long[capacityBytes / 16];
        int count = 0;
        long h;
        while ((h = heap.tryAllocate(16 + random.nextInt(2033), AllocationMode.ATOMIC)) != Handles.NONE) {
            blocks[count++] = h;
        }
        int run = 0;
        for (int i = 0; i < count; i++) {
            if (run < 3 && random.nextBoolean()) {
                heap.free(blocks[i]);
                run++;
            } else {
                run = 0;
            }
        }
    }

    @Setup(Level.Invocation)
    public void refragment() {
        if (heap.freeBytes() < capacityBytes * 0.35) {
            build();
        }
        while (heap.largestFreeBytes() >= TARGET_BYTES) {
            heap.allocate(TARGET_BYTES, AllocationMode.ATOMIC);
        }
    }

    @Benchmark
    public CompactionResult compactFor8KiB() {
        return heap.compactFor(TARGET_BYTES, Long.MAX_VALUE);
    }
}
