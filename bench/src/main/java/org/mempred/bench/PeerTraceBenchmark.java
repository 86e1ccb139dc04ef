package org.mempred.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * mempred beside Netty's pooled allocator replaying a shipped trace ({@link TraceScript}): the
 * trace's own request sizes and lifetimes, its events back to back, read into arrays beforehand so
 * no parsing is timed. One operation is one whole pass (then the blocks the trace left live are
 * freed); the {@code events} counter ({@link AuxCounters}) gives trace events per second.
 *
 * <p>mempred's arena is {@code headroom} × the trace's peak live bytes, its requests may compact
 * (evacuation), as in {@link PeerAllocatorBenchmark}; the trial's last line gives its failed
 * requests and direct compactions. Netty serves sizes above its chunk as unpooled huge buffers.
 * This is the allocator alone; {@link TraceReplayBenchmark} times mempred's whole simulated replay.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Dio.netty.leakDetection.level=disabled"})
public class PeerTraceBenchmark {
    @Param({"mempred", "nettyDirect", "nettyHeap"})
    public String kind;

    /** Whether each new block is cleared, by both allocators alike (see {@link PeerPool#create}). */
    @Param({"true", "false"})
    public boolean zeroFill;

    @Param({"python-json", "sqlite-index", "gcc-cc1"})
    public String trace;

    /** mempred's arena over the trace's peak live bytes. */
    @Param({"1.4"})
    public double headroom;

    private TraceScript script;
    private PeerPool pool;
    private PeerSlots slots;
    private long failed;

    @Setup(Level.Trial)
    public void load() {
        script = TraceScript.load(trace);
        long capacity = (long) Math.ceil(script.peakLiveBytes() * headroom);
        capacity = Math.max(capacity, script.maxRequestBytes());
        pool = PeerPool.create(kind, (int) ((capacity + 15) & ~15L), zeroFill);
        slots = pool.slots(script.slots());
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%n[%s %s] failed requests=%d; %s%n", kind, trace, failed, pool.describe());
        pool.close();
    }

    @Benchmark
    public long replay(TraceReplayBenchmark.Events counter) {
        failed += script.replay(slots);
        counter.events += script.events();
        return failed;
    }
}
