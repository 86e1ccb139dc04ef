package org.mempred.bench;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * mempred beside Netty's pooled allocator on the same live-set request streams
 * ({@link RequestScript}): {@value #LIVE_SLOTS} live slots in all, one operation frees the block
 * of a seeded random slot and allocates the next scripted size into it, so one op is one free plus
 * one allocate, and the result is in ops/µs.
 *
 * <ul>
 *   <li>{@code kind}: {@code mempred} ({@link MempredPool}: a {@code CompactingHeap} whose requests
 *       may compact, evacuation as direct compaction — the {@code reactive} policy's heap),
 *       {@code nettyDirect} and {@code nettyHeap} ({@link NettyPool}: {@code PooledByteBufAllocator}
 *       direct or heap buffers, thread caches on).
 *   <li>{@code zeroFill}: whether each new block is cleared, by both sides alike: mempred's heap
 *       zero-fill on or off ({@link org.mempred.heap.HeapBuilder#zeroFill}), Netty's buffer
 *       {@code setZero(0, size)} after each allocation or not. So every figure can be compared
 *       with both clearing and with neither clearing.
 *   <li>{@code stream}: {@code fixed256} or the three-peak {@code mix}.
 *   <li>{@link #replace}: one thread. {@link #replace4Threads}: four threads share one allocator,
 *       each with its own quarter of the slots and its own seed; mempred serves them from an arena
 *       cut into one sub-arena per thread (each with its own lock, {@link MempredPool}), Netty
 *       through its per-thread caches and arenas. The machine has two cores, so four threads also
 *       measure contention. JMH's {@code -t} sets the threads of both, and mempred's sub-arenas follow.
 * </ul>
 *
 * <p>mempred's arena is {@code headroom} × the stream's expected live bytes: that is its whole
 * footprint (see {@link PeerPool}). The default 1.4 is the tightest of 1.1, 1.25, 1.3, 1.35 and
 * 1.4 at which {@link PeerFootprint}'s 4 M operations of {@code mix} failed no request with one
 * thread (with four, 0 to 180 of 4 M from run to run, as the threads interleave); at 1.25 about
 * 0.1 % fail and direct compaction falls back to sliding often.
 *
 * <p>A request the heap cannot serve even after direct compaction
 * fails, leaves its slot empty, and still counts as an operation: the trial's last line says how
 * many failed and how many direct compactions ran, so a run that fails requests is seen as such.
 * Memory held ÷ live bytes after a fixed number of operations is measured by {@link PeerFootprint}.
 *
 * <p>Warm-up is 8 × 1 s: with 3 × 1 s, Netty's figures were bimodal (iterations at ~2 and at
 * ~9 ops/µs in the same fork, under G1 and Parallel GC alike) until its code settled.
 *
 * <p>Each benchmark runs in its own fork of the same JVM with the same flags, so neither
 * allocator's JIT profile or retained memory touches the other's figures. Netty's leak detector is
 * off ({@code -Dio.netty.leakDetection.level=disabled}, as in Netty's own microbenchmarks).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Dio.netty.leakDetection.level=disabled"})
public class PeerAllocatorBenchmark {
    /** Live slots over all threads. */
    static final int LIVE_SLOTS = 8192;
    /** Seed of the first thread's script; thread i uses {@code SEED + i}. */
    static final long SEED = 18;

    /** The allocator, shared by every thread of a trial. */
    @State(Scope.Benchmark)
    public static class Allocator {
        @Param({"mempred", "nettyDirect", "nettyHeap"})
        public String kind;

        /** Whether each new block is cleared (both allocators alike). */
        @Param({"true", "false"})
        public boolean zeroFill;

        @Param({"fixed256", "mix"})
        public String stream;

        /** mempred's arena over the stream's expected live bytes. */
        @Param({"1.4"})
        public double headroom;

        PeerPool pool;

        @Setup(Level.Trial)
        public void create(BenchmarkParams params) {
            int capacity = new RequestScript(stream, LIVE_SLOTS, SEED).mempredCapacityBytes(LIVE_SLOTS, headroom);
            pool = PeerPool.create(kind, capacity, zeroFill, params.getThreads());
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.printf("%n[%s %s] %s%n", kind, stream, pool.describe());
            pool.close();
        }
    }

    /** One thread's slots and script; the slots are filled before the first iteration. */
    @State(Scope.Thread)
    public static class Worker {
        RequestScript script;
        PeerSlots slots;
        long failed;

        @Setup(Level.Trial)
        public void fill(Allocator allocator, ThreadParams thread) {
            int count = LIVE_SLOTS / thread.getThreadCount();
            script = new RequestScript(allocator.stream, count, SEED + thread.getThreadIndex());
            slots = allocator.pool.slots(count);
            failed = script.fill(slots);
        }

        @TearDown(Level.Trial)
        public void report(ThreadParams thread) {
            if (failed > 0) {
                System.out.printf("%n[thread %d] failed requests=%d%n", thread.getThreadIndex(), failed);
            }
            slots.freeAll();
        }
    }

    @Benchmark
    public boolean replace(Worker worker) {
        return count(worker, worker.script.replaceOne(worker.slots));
    }

    @Benchmark
    @Threads(4)
    public boolean replace4Threads(Worker worker) {
        return count(worker, worker.script.replaceOne(worker.slots));
    }

    private static boolean count(Worker worker, boolean served) {
        if (!served) {
            worker.failed++;
        }
        return served;
    }
}
