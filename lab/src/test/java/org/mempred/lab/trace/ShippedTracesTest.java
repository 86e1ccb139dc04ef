package org.mempred.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mempred.heap.CompactingHeap;
import org.mempred.lab.workload.EventKind;

/**
 * Every trace shipped under {@code traces/} (found by listing the folder, so a trace added later is
 * covered without editing this test) is well-formed, real-sized, of the version its name says
 * ({@code -sites} = v2) and replayable with the figures of its first pass.
 */
class ShippedTracesTest {
    private static final Path TRACES = Path.of("..", "traces");

    /** Every file of the folder named {@code *.trace} or {@code *.trace.gz}, sorted. */
    static List<Path> shipped() throws IOException {
        try (Stream<Path> files = Files.list(TRACES)) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(".trace") || name.endsWith(".trace.gz");
                    })
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theFolderShipsTracesOfBothVersions() throws IOException {
        List<TraceFormat> formats = shipped().stream()
                .map(file -> {
                    try {
                        return TraceSummary.scan(file).format();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .distinct()
                .toList();
        assertThat(formats).containsExactlyInAnyOrder(TraceFormat.V1, TraceFormat.V2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void shippedTraceParsesAndFitsAReplayHeap(Path file) throws IOException {
        String name = file.getFileName().toString();
        assertThat(Files.size(file)).as("%s stays at most 2 MB", name).isLessThanOrEqualTo(2_000_000);
        TraceSummary summary = TraceSummary.scan(file);
        assertThat(summary.format())
                .as("%s: v2 exactly when named -sites", name)
                .isEqualTo(name.contains("-sites") ? TraceFormat.V2 : TraceFormat.V1);
        assertThat(summary.events()).isGreaterThan(10_000);
        assertThat(summary.unknownFrees()).isZero();
        assertThat(summary.frees()).isGreaterThan(summary.allocations() / 2);
        assertThat(summary.durationNanos()).isPositive();
        int capacity = ReplaySizing.autoCapacityBytes(summary.peakLiveBytes(), 0.95);
        assertThat(capacity).isLessThanOrEqualTo(CompactingHeap.MAX_CAPACITY_BYTES);
        assertThat(capacity).isGreaterThanOrEqualTo(summary.maxRequestBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void replayOfAShippedTraceKeepsTheFirstPassFigures(Path file) throws IOException {
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
