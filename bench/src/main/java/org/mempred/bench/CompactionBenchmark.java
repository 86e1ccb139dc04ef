package org.mempred.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full compaction of a 100 KiB heap holding 50 % live data in ~1,000 scattered blocks, beside the
 * floor it cannot beat: one bare {@code System.arraycopy} of 100 KiB. Each invocation gets a
 * freshly fragmented heap (built in an untimed per-invocation setup; an invocation is tens of
 * microseconds, far above the setup's timestamp overhead).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompactionBenchmark {
    private static final int CAPACITY = 102_400;

    /** A freshly fragmented heap for every invocation. */
    @State(Scope.Thread)
    public static class FragmentedHeap {
        CompactingHeap heap;
        private long seed;

        /** 2,000 blocks averaging 48 bytes fill the heap; every other one is freed: ~1,000 live. */
        @Setup(Level.Invocation)
        public void fragment() {
            heap = new CompactingHeap(CAPACITY);
            SplittableRandom random = new SplittableRandom(seed++);
            long[] blocks = new long[2200];
            int count = 0;
            int used = 0;
            while (count < blocks.length) {
                int size = 16 + 16 * random.nextInt(5);
                if (used + size > CAPACITY) {
                    break;
                }
                blocks[count++] = heap.allocate(size, AllocationMode.ATOMIC);
                used += size;
            }
            for (int i = 0; i < count; i += 2) {
                heap.free(blocks[i]);
            }
        }
    }

    /** A buffer for the memmove floor. */
    @State(Scope.Thread)
    public static class Buffer {
        final byte[] bytes = new byte[CAPACITY + 4096];
    }

    @Benchmark
    public CompactionResult fullCompaction(FragmentedHeap state) {
        return state.heap.compact();
    }

    /** The floor: one overlapping 100 KiB memmove. */
    @Benchmark
    public byte[] bareMemmove100KiB(Buffer buffer) {
        System.arraycopy(buffer.bytes, 4096, buffer.bytes, 0, CAPACITY);
        return buffer.bytes;
    }
}
