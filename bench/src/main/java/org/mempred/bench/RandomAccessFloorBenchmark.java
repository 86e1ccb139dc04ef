package org.mempred.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * The memory-hierarchy floor under {@link AllocateFreeBenchmark}: the same footprint (an arena of
 * {@code capacityBytes}, 20 bytes of block metadata per 16-byte granule, a 16-byte slot per live
 * block) touched at the few random places one free + allocate must touch — the freed block's slot
 * and metadata, one neighbour on a free list, the new block's metadata, and 64 bytes of the new
 * block zero-filled — with no allocator logic at all. Where the heap's figure grows with capacity,
 * this shows how much of the growth is cache and TLB misses rather than algorithm.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class RandomAccessFloorBenchmark {
    private static final int SCRIPT = 1 << 16;

    @Param({"102400", "1048576", "16777216", "1073741824"})
    public int capacityBytes;

    private byte[] arena;
    private int[] meta;
    private int[] slots;
    private int[][] places;
    private int step;

    @Setup
    public void allocate() {
        arena = new byte[capacityBytes];
        meta = new int[capacityBytes / 16 * 5];
        slots = new int[capacityBytes / 256 * 4];
        SplittableRandom random = new SplittableRandom(42);
        places = new int[5][SCRIPT];
        for (int i = 0; i < SCRIPT; i++) {
            places[0][i] = random.nextInt(slots.length);
            places[1][i] = random.nextInt(meta.length);
            places[2][i] = random.nextInt(meta.length);
            places[3][i] = random.nextInt(meta.length);
            places[4][i] = random.nextInt(capacityBytes - 64);
        }
    }

    /**
     * Five dependent random touches: each address depends on the value loaded before it (always 0,
     * which the compiler cannot know), as the heap's slot, block, neighbour and arena accesses do,
     * so their miss latencies add up instead of overlapping.
     */
    @Benchmark
    public int fiveDependentRandomTouches() {
        int i = step++ & (SCRIPT - 1);
        int a = slots[places[0][i]];
        int b = meta[places[1][i] + a];
        int c = meta[places[2][i] + b];
        meta[places[3][i] + c] = c;
        int at = places[4][i] + meta[places[3][i]];
        Arrays.fill(arena, at, at + 64, (byte) 0);
        return at;
    }

    /** The same five touches with independent addresses, so the processor can overlap their misses. */
    @Benchmark
    public int fiveIndependentRandomTouches() {
        int i = step++ & (SCRIPT - 1);
        int sum = slots[places[0][i]] + meta[places[1][i]] + meta[places[2][i]];
        meta[places[3][i]] = 0;
        int at = places[4][i];
        Arrays.fill(arena, at, at + 64, (byte) 0);
        return sum;
    }
}
