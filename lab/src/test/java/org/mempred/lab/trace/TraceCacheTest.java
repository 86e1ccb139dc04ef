package org.mempred.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.sim.Simulator;
import org.mempred.lab.workload.HeapEvent;

/** A trace read back from its {@link TraceCache} is the trace: the same events, counters and runs. */
class TraceCacheTest {
    private static final Path TRACES = Path.of("..", "traces");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aCachedTraceReturnsEveryEventOfEveryFormatExactly(long seed) throws IOException {
        for (Path trace : List.of(mempred(seed, false), mempred(seed, true), dump(seed, false), dump(seed, true))) {
            try (TraceCache cache = TraceCache.decode(trace, 700, dir);
                    TraceSource text = TraceSource.open(trace, 700);
                    TraceSource cached = cache.open()) {
                List<String> expected = events(text);
                assertThat(events(cached))
                        .as("%s seed %d", trace.getFileName(), seed)
                        .isEqualTo(expected);
                assertThat(expected).hasSizeGreaterThan(1000);
                assertThat(cached.events())
                        .isEqualTo(text.events())
                        .isEqualTo(cache.summary().events());
                assertThat(cached.allocations()).isEqualTo(text.allocations());
                assertThat(cached.peakLiveBytes()).isEqualTo(text.peakLiveBytes());
                assertThat(cached.liveBytes()).isEqualTo(text.liveBytes());
                assertThat(cached.maxRequestBytes()).isEqualTo(text.maxRequestBytes());
                assertThat(cached.unknownFrees()).isEqualTo(text.unknownFrees());
                assertThat(cached.format()).isEqualTo(text.format());
                assertThat(cached.characteristics()).isEqualTo(text.characteristics());
                assertThat(cached.syntheticClockNanos()).isEqualTo(text.syntheticClockNanos());
                assertThat(cache.summary()).isEqualTo(TraceSummary.scan(trace, 700));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite-index.trace.gz", "python-tree-sites.trace.gz"})
    void aShippedTraceComesBackExactlyInAboutItsGzipSize(String name) throws IOException {
        Path trace = TRACES.resolve(name);
        try (TraceCache cache = TraceCache.decode(trace, AospDumpReader.DEFAULT_NANOS_PER_CALL, dir);
                TraceSource text = TraceSource.open(trace, AospDumpReader.DEFAULT_NANOS_PER_CALL);
                TraceSource cached = cache.open()) {
            assertThat(events(cached)).isEqualTo(events(text));
            double bytesPerEvent = (double) cache.bytes() / cache.summary().events();
            assertThat(bytesPerEvent).as("bytes per event").isLessThan(16.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reactive", "periodic", "neural", "oracle-lifetime"})
    void aReplayFromTheCacheGivesTheSameRunAsFromTheText(String name) throws IOException {
        Path trace = dump(9, true);
        TraceSummary summary = TraceSummary.scan(trace, 700);
        ReplayMarks marks = ReplayMarks.stressorDefaults();
        try (TraceCache cache = TraceCache.decode(trace, 700, dir)) {
            TraceWorkload text = new TraceWorkload(trace, summary, 0.001, marks);
            TraceWorkload cached = new TraceWorkload(cache, 0.001, marks);
            int heapBytes = ReplaySizing.autoCapacityBytes(summary.peakLiveBytes(), 0.97);
            SimulationOptions options = SimulationOptions.of(heapBytes, text.replayNanos());
            if (name.equals("oracle-lifetime")) {
                options = options.withPlacement(org.mempred.govern.Placement.ORACLE_LIFETIME);
            }
            PolicySpec policy = PolicySpec.parse(name.equals("oracle-lifetime") ? "reserve" : name);
            for (long seed = 1; seed <= 2; seed++) {
                RunResult fromText = new Simulator(options).run(text, policy, seed);
                RunResult fromCache = new Simulator(options).run(cached, policy, seed);
                assertThat(fromCache.safety().crashes()).isZero();
                assertThat(fromCache.heap()).isEqualTo(fromText.heap());
                assertThat(fromCache.compaction().bytesMoved())
                        .isEqualTo(fromText.compaction().bytesMoved());
                assertThat(fromCache.compaction().total())
                        .isEqualTo(fromText.compaction().total());
                assertThat(fromCache.response()).isEqualTo(fromText.response());
                assertThat(fromCache.placing()).isEqualTo(fromText.placing());
            }
        }
    }

    @Test
    void closingDeletesTheFileAndABadTraceLeavesNone() throws IOException {
        Path cacheDir = Files.createDirectories(dir.resolve("cache"));
        TraceCache cache = TraceCache.decode(mempred(4, false), 700, cacheDir);
        assertThat(files(cacheDir)).hasSize(1);
        assertThat(cache.bytes()).isEqualTo(Files.size(files(cacheDir).get(0)));
        cache.close();
        cache.close();
        assertThat(files(cacheDir)).isEmpty();
        Path bad = Files.writeString(dir.resolve("bad.txt"), "1: malloc 0x10 8\n1: malloc 0x10 8\n");
        assertThatThrownBy(() -> TraceCache.decode(bad, 700, cacheDir))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(bad + ":2:");
        assertThat(files(cacheDir)).isEmpty();
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static List<String> events(TraceSource source) {
        List<String> events = new ArrayList<>();
        HeapEvent e = source.event();
        while (source.next()) {
            events.add(e.toString() + " atomic=" + e.atomic() + " thread=" + e.threadId() + " site=" + e.site());
        }
        return events;
    }

    /** A random mempred trace: ids reused, some unknown frees, sites of every width (v2). */
    private Path mempred(long seed, boolean sites) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(sites ? "# mempred-trace v2\n" : "# mempred-trace v1\n");
        boolean[] live = new boolean[200];
        long time = 0;
        for (int i = 0; i < 5000; i++) {
            time += random.nextInt(3) == 0 ? 0 : random.nextLong(1L << random.nextInt(40));
            int id = random.nextInt(live.length);
            text.append(time);
            if (live[id]) {
                text.append(" f ").append(id);
            } else {
                text.append(" a ").append(id).append(' ').append(random.nextInt(1 << random.nextInt(24)));
                if (sites) {
                    text.append(' ').append(Long.toHexString(random.nextInt(4) == 0 ? 0 : random.nextLong()));
                }
            }
            if (random.nextInt(50) == 0) {
                text.append('\n').append(time).append(" f ").append(1000 + id);
            }
            text.append('\n');
            live[id] = !live[id];
        }
        return Files.writeString(dir.resolve("t" + seed + (sites ? "v2" : "v1") + ".trace"), text);
    }

    /** A random AOSP dump on several threads: realloc, calloc, memalign, reused pointers, unknown frees. */
    private Path dump(long seed, boolean timestamps) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        long[] live = new long[150];
        long start = 123_456_789;
        for (int i = 0; i < 5000; i++) {
            int slot = random.nextInt(live.length);
            text.append(random.nextInt(3) == 0 ? 7 : 100_000 + random.nextInt(4))
                    .append(": ");
            long pointer = 0x10_0000L + slot * 0x1000L + random.nextInt(2) * 0x800L; // two per slot
            int size = random.nextInt(1 << random.nextInt(20));
            if (random.nextInt(40) == 0) {
                text.append("free 0xdead0"); // never allocated: counted and skipped
            } else if (live[slot] != 0 && random.nextInt(3) == 0) {
                text.append("realloc 0x")
                        .append(Long.toHexString(pointer))
                        .append(" 0x")
                        .append(Long.toHexString(live[slot]))
                        .append(' ')
                        .append(size);
                live[slot] = size == 0 ? 0 : pointer; // in place or moved; size 0 frees
            } else if (live[slot] != 0) {
                text.append("free 0x").append(Long.toHexString(live[slot]));
                live[slot] = 0;
            } else {
                switch (random.nextInt(3)) {
                    case 0 ->
                        text.append("malloc 0x")
                                .append(Long.toHexString(pointer))
                                .append(' ')
                                .append(size);
                    case 1 ->
                        text.append("calloc 0x")
                                .append(Long.toHexString(pointer))
                                .append(" 3 ")
                                .append(size / 3);
                    default ->
                        text.append("memalign 0x")
                                .append(Long.toHexString(pointer))
                                .append(" 64 ")
                                .append(size);
                }
                live[slot] = pointer;
            }
            if (timestamps) {
                start += random.nextInt(5000) - 500; // now and then a start before the line above
                text.append(' ').append(start).append(' ').append(start + 100);
            }
            text.append('\n');
        }
        return Files.writeString(dir.resolve("d" + seed + (timestamps ? "timed" : "") + ".txt"), text);
    }
}
