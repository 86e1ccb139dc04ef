package org.mempred.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.Granules;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One free plus one allocate on a heap held at ~70 % occupancy, sizes 16 B - 4 KiB mixed (nine in
 * ten requests 16-512 B, one in ten 1-4 KiB), for arenas from 100 KiB to 1 GiB: TLSF is O(1), so
 * the cost should hardly depend on capacity. Run with {@code -prof gc} to see the garbage per op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class AllocateFreeBenchmark {
    private static final int SCRIPT = 1 << 16;

    @Param({"102400", "1048576", "16777216", "1073741824"})
    public int capacityBytes;

    private CompactingHeap heap;
    private long[] live;
    private int[] sizes;
    private int[] victims;
    private int step;
    private long failures;

    @Setup(Level.Trial)
    public void fill() {
        heap = new CompactingHeap(capacityBytes);
        SplittableRandom random = new SplittableRandom(42);
        sizes = new int[SCRIPT];
        for (int i = 0; i < SCRIPT; i++) {
            sizes[i] = random.nextInt(10) < 9 ? 16 + random.nextInt(497) : 1024 + random.nextInt(3073);
        }
        live = new long[capacityBytes / Granules.BYTES];
        int count = 0;
        while (heap.pressure() < 0.70) {
            live[count] = heap.allocate(sizes[count % SCRIPT], AllocationMode.ATOMIC);
            count++;
        }
        victims = new int[SCRIPT];
        for (int i = 0; i < SCRIPT; i++) {
            victims[i] = random.nextInt(count);
        }
    }

    /** Frees a random live block and allocates one of a scripted size in its place. */
    @Benchmark
    public long freeThenAllocate() {
        int i = step++ & (SCRIPT - 1);
        int victim = victims[i];
        long old = live[victim];
        if (old != Handles.NONE) {
            heap.free(old);
        }
        long handle = heap.tryAllocate(sizes[i], AllocationMode.ATOMIC);
        if (handle == Handles.NONE) {
            failures++;
        }
        live[victim] = handle;
        return handle;
    }

    /** Failed requests over the run (printed so that a fragmented run cannot pass unnoticed). */
    @TearDown(Level.Trial)
    public void report() {
        System.out.printf(
                "%n[capacity=%d] failures=%d pressure=%.3f freeBlocks=%d%n",
                capacityBytes, failures, heap.pressure(), heap.freeBlockCount());
    }
}
