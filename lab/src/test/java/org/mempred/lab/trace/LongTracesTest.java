package org.mempred.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mempred.lab.workload.Characteristic;

/**
 * The long traces shipped under {@code traces/long/} (programs run for minutes under the load scripts of
 * {@code tools/load}): v2 with sites, at most ~10 MB, lasting minutes, and with time structure a
 * forecaster over seconds can see: the busiest 5 s window holds several times the events of the
 * quietest. One streaming pass per trace (about a second each).
 */
class LongTracesTest {
    private static final Path TRACES = Path.of("..", "traces", "long");
    private static final long WINDOW_NANOS = 5_000_000_000L;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "perl-session-long-sites.trace.gz, 500000",
        "python-httpd-long-sites.trace.gz, 500000",
        "python-workers-long-sites.trace.gz, 500000",
        "redis-cache-long-sites.trace.gz, 500000",
        "sqlite-ingest-long-sites.trace.gz, 500000",
        // PostgreSQL mallocs only its memory contexts' blocks: few events, most of them large
        "postgres-oltp-long-sites.trace.gz, 10000"
    })
    void aLongTraceLastsMinutesWithLoadThatVaries(String name, long minEvents) throws IOException {
        Path file = TRACES.resolve(name);
        assertThat(Files.size(file)).as("%s stays at most ~10 MB", name).isLessThanOrEqualTo(10_500_000);
        long[] perWindow = new long[256];
        long lastNanos = 0;
        TraceSummary summary;
        try (TraceReader reader = TraceReader.open(file)) {
            assertThat(reader.characteristics()).as("%s carries sites", name).contains(Characteristic.SITES);
            while (reader.next()) {
                lastNanos = reader.event().timeNanos();
                int window = (int) Math.min(perWindow.length - 1, lastNanos / WINDOW_NANOS);
                perWindow[window]++;
            }
            summary = new TraceSummary(
                    name,
                    reader.events(),
                    reader.allocations(),
                    reader.unknownFrees(),
                    reader.peakLiveBytes(),
                    reader.maxRequestBytes(),
                    lastNanos,
                    reader.format());
        }
        assertThat(summary.durationNanos()).as("%s lasts at least 100 s", name).isGreaterThan(100_000_000_000L);
        assertThat(summary.events()).isGreaterThan(minEvents);
        assertThat(summary.unknownFrees()).isZero();
        assertThat(summary.frees()).isGreaterThan(summary.allocations() / 2);
        int wholeWindows = (int) (lastNanos / WINDOW_NANOS);
        // the first window holds the program's start-up, the last its exit: the load is in between
        long[] loaded = Arrays.copyOfRange(perWindow, 1, wholeWindows);
        long quietest = Arrays.stream(loaded).min().orElseThrow();
        long busiest = Arrays.stream(loaded).max().orElseThrow();
        assertThat(busiest)
                .as("%s: busiest 5 s window %d events, quietest %d", name, busiest, quietest)
                .isGreaterThanOrEqualTo(3 * Math.max(1, quietest));
        int capacity = ReplaySizing.autoCapacityBytes(summary.peakLiveBytes(), 0.95);
        assertThat(capacity).isGreaterThanOrEqualTo(summary.maxRequestBytes());
    }
}
