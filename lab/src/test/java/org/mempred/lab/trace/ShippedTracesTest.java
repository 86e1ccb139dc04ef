package org.mempred.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.heap.CompactingHeap;
import org.mempred.lab.workload.EventKind;

/** The traces shipped under {@code traces/} are well-formed, real-sized and replayable. */
class ShippedTracesTest {
    private static final Path TRACES = Path.of("..", "traces");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"python-json.trace.gz", "sqlite-index.trace.gz", "gcc-cc1.trace.gz"})
    void shippedTraceParsesAndFitsAReplayHeap(String name) throws IOException {
        Path file = TRACES.resolve(name);
        assertThat(Files.size(file)).as("%s stays at most 2 MB", name).isLessThanOrEqualTo(2_000_000);
        TraceSummary summary = TraceSummary.scan(file);
        assertThat(summary.events()).isGreaterThan(100_000);
        assertThat(summary.unknownFrees()).isZero();
        assertThat(summary.frees()).isGreaterThan(summary.allocations() / 2);
        assertThat(summary.durationNanos()).isPositive();
        int capacity = ReplaySizing.autoCapacityBytes(summary.peakLiveBytes(), 0.95);
        assertThat(capacity).isLessThanOrEqualTo(CompactingHeap.MAX_CAPACITY_BYTES);
        assertThat(capacity).isGreaterThanOrEqualTo(summary.maxRequestBytes());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite-index.trace.gz"})
    void replayOfAShippedTraceKeepsTheFirstPassFigures(String name) throws IOException {
        Path file = TRACES.resolve(name);
        TraceSummary summary = TraceSummary.scan(file);
        TraceWorkload workload = new TraceWorkload(file, summary, 0.5, ReplayMarks.stressorDefaults());
        long allocations = 0;
        try (ReplayStream stream = workload.open(1, Long.MAX_VALUE)) {
            while (stream.next()) {
                allocations += stream.event().kind() == EventKind.ALLOCATE ? 1 : 0;
            }
            assertThat(stream.trace().peakLiveBytes()).isEqualTo(summary.peakLiveBytes());
        }
        assertThat(allocations).isEqualTo(summary.allocations());
        assertThat(workload.replayNanos()).isEqualTo(summary.durationNanos() * 2);
    }
}
