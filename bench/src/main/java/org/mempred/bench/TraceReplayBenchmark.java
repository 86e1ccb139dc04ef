package org.mempred.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.sim.Simulator;
import org.mempred.lab.trace.AospDumpReader;
import org.mempred.lab.trace.ReplayMarks;
import org.mempred.lab.trace.ReplaySizing;
import org.mempred.lab.trace.ReplayStream;
import org.mempred.lab.trace.TraceCache;
import org.mempred.lab.trace.TraceReader;
import org.mempred.lab.trace.TraceSource;
import org.mempred.lab.trace.TraceSummary;
import org.mempred.lab.trace.TraceWorkload;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.predict.PredictorConfig;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Trace events per second through the {@code mempred-trace} reader (v1 and v2), for every trace shipped in
 * {@code traces/} and {@code traces/long/} (the long-running programs, named {@code long/NAME}): one operation is one whole pass over a trace, and the {@code events} counter
 * (JMH {@link AuxCounters}) reports trace events per second.
 *
 * <ul>
 *   <li>{@code parsePlain}: the byte-level parser on the decompressed file (page cache warm).
 *   <li>{@code parseGzip}: the same from the shipped {@code .gz} (adds inflation).
 *   <li>{@code parseAndMark}: gzip, parse and the seeded atomic/pin marks of a replay
 *       ({@link ReplayStream}), without a heap.
 *   <li>{@code parseAndReplayReactive}: a whole simulated run of the {@code reactive} policy
 *       ({@code --heap auto} at 0.95, default speed, stressor marks): gzip, parse, seeded marks,
 *       heap, governor ticks.
 *   <li>{@code readCached}: the trace's decoded events from its {@link TraceCache} (what every
 *       run of {@code replay} and {@code train} reads after the first pass).
 *   <li>{@code cachedReplayReactive}: {@code parseAndReplayReactive} reading the cache.
 * </ul>
 *
 * Run from the repository root (the traces are found in {@code traces/}, or set
 * {@code -Dmempred.traces=DIR}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TraceReplayBenchmark {
    @Param({
        "python-json",
        "sqlite-index",
        "gcc-cc1",
        "gcc-cc1-O0-sites",
        "git-log-sites",
        "perl-words-sites",
        "python-tree-sites",
        "sqlite-groupby-sites",
        "long/perl-session-long-sites",
        "long/postgres-oltp-long-sites",
        "long/python-httpd-long-sites",
        "long/python-workers-long-sites",
        "long/redis-cache-long-sites",
        "long/sqlite-ingest-long-sites"
    })
    public String trace;

    private Path gzip;
    private Path plain;
    private TraceSummary summary;
    private Simulator simulator;
    private TraceWorkload workload;
    private TraceCache cache;
    private TraceWorkload cachedWorkload;

    /** Trace events, reported by JMH as a rate (events/s) beside the passes. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup(Level.Trial)
    public void locate() throws IOException {
        gzip = TraceScript.tracesDir().resolve(trace + ".trace.gz");
        plain = Files.createTempFile("mempred-" + trace.replace('/', '-') + "-", ".trace");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            Files.copy(in, plain, StandardCopyOption.REPLACE_EXISTING);
        }
        summary = TraceSummary.scan(gzip);
        double speed = ReplaySizing.defaultSpeed(summary.durationNanos(), PredictorConfig.DEFAULT_HORIZON_NANOS);
        workload = new TraceWorkload(gzip, summary, speed, ReplayMarks.stressorDefaults());
        int heapBytes = ReplaySizing.autoCapacityBytes(summary.peakLiveBytes(), 0.95);
        simulator = new Simulator(SimulationOptions.of(heapBytes, Math.max(1, workload.replayNanos())));
        cache = TraceCache.decode(gzip, AospDumpReader.DEFAULT_NANOS_PER_CALL);
        cachedWorkload = new TraceWorkload(cache, speed, ReplayMarks.stressorDefaults());
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(plain);
        cache.close();
    }

    @Benchmark
    public long readCached(Events counter) throws IOException {
        long checksum = 0;
        try (TraceSource source = cache.open()) {
            HeapEvent event = source.event();
            while (source.next()) {
                checksum += event.id() + event.sizeBytes() + event.timeNanos() + event.site();
            }
            counter.events += source.events();
        }
        return checksum;
    }

    @Benchmark
    public void cachedReplayReactive(Events counter, Blackhole blackhole) {
        RunResult result = simulator.run(cachedWorkload, PolicySpec.Reactive.EVACUATE, 1);
        if (result.safety().crashes() > 0) {
            throw new IllegalStateException(
                    "cached replay crashed: " + result.safety().crashMessage());
        }
        counter.events += summary.events();
        blackhole.consume(result);
    }

    @Benchmark
    public long parsePlain(Events counter) throws IOException {
        return parse(plain, counter);
    }

    @Benchmark
    public long parseGzip(Events counter) throws IOException {
        return parse(gzip, counter);
    }

    @Benchmark
    public long parseAndMark(Events counter) {
        long checksum = 0;
        try (ReplayStream stream = workload.open(1, Long.MAX_VALUE)) {
            HeapEvent event = stream.event();
            while (stream.next()) {
                checksum += event.id() + event.timeNanos() + (event.atomic() ? 1 : 0);
            }
            counter.events += stream.trace().events();
        }
        return checksum;
    }

    @Benchmark
    public void parseAndReplayReactive(Events counter, Blackhole blackhole) {
        RunResult result = simulator.run(workload, PolicySpec.Reactive.EVACUATE, 1);
        if (result.safety().crashes() > 0) {
            throw new IllegalStateException("replay crashed: " + result.safety().crashMessage());
        }
        counter.events += summary.events();
        blackhole.consume(result);
    }

    private static long parse(Path file, Events counter) throws IOException {
        long checksum = 0;
        try (TraceReader reader = TraceReader.open(file)) {
            HeapEvent event = reader.event();
            while (reader.next()) {
                checksum += event.id() + event.sizeBytes() + event.timeNanos() + event.site();
            }
            counter.events += reader.events();
        }
        return checksum;
    }
}
