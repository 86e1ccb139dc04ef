package org.mempred.lab.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.lab.trace.AospDumpReader;
import org.mempred.lab.trace.TraceSource;
import org.mempred.lab.trace.TraceSummary;

class ReplayTracesTest {
    @TempDir
    Path dir;

    /** A block of 1 KiB every second for {@code seconds}, each freed two seconds later. */
    private static String program(int seconds) {
        StringBuilder text = new StringBuilder("# mempred-trace v1\n");
        for (int i = 0; i < seconds; i++) {
            long t = TimeUnit.SECONDS.toNanos(i);
            text.append(t).append(" a ").append(i + 1).append(" 1024\n");
            if (i >= 2) {
                text.append(t + 1).append(" f ").append(i - 1).append('\n');
            }
        }
        return text.toString();
    }

    private ReproduceSettings settings(long cutSeconds) {
        ReproduceSettings tiny = ReproduceSettings.tiny(dir);
        return new ReproduceSettings(
                "test",
                2,
                tiny.shortStressNanos(),
                tiny.longStressNanos(),
                tiny.autonomyNanos(),
                tiny.sweepNanos(),
                tiny.coldStartLabels(),
                tiny.latencySamples(),
                dir,
                TimeUnit.SECONDS.toNanos(cutSeconds),
                2);
    }

    @Test
    void shortRecordingsComeFirstAndLongRunningProgramsAreCutWhereTheSettingsSay() throws IOException {
        Files.writeString(dir.resolve("short.trace"), program(3), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve(ReplayTraces.LONG));
        Files.writeString(dir.resolve(ReplayTraces.LONG).resolve("a-long.trace"), program(300), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(ReplayTraces.LONG).resolve("notes.txt"), "not a trace", StandardCharsets.UTF_8);
        try (ReplayTraces traces = ReplayTraces.open(settings(60))) {
            List<ReplayTraces.Trace> all = traces.all();
            assertThat(all).extracting(ReplayTraces.Trace::file).containsExactly("short.trace", "a-long.trace");
            assertThat(all).extracting(ReplayTraces.Trace::longRunning).containsExactly(false, true);
            assertThat(all).extracting(ReplayTraces.Trace::cut).containsExactly(false, true);
            ReplayTraces.Trace program = all.get(1);
            // the first minute: the last event at or before 60 s is the allocation at 60 s
            assertThat(program.workload().summary().durationNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(60));
            assertThat(program.workload().replayNanos()).isLessThanOrEqualTo(TimeUnit.SECONDS.toNanos(61));
            assertThat(program.workload().summary().peakLiveBytes()).isEqualTo(3 * 1024);
            // read from the decoded events, the cut's summary is the one the text itself gives
            Path text = dir.resolve(ReplayTraces.LONG).resolve("a-long.trace");
            try (TraceSource source = TraceSource.open(text, AospDumpReader.DEFAULT_NANOS_PER_CALL)) {
                assertThat(program.workload().summary())
                        .isEqualTo(TraceSummary.until(source, TimeUnit.SECONDS.toNanos(60)));
            }
        }
        try (ReplayTraces traces = ReplayTraces.open(settings(0))) {
            ReplayTraces.Trace program = traces.all().get(1);
            assertThat(program.cut()).isFalse();
            assertThat(program.workload().summary().events()).isEqualTo(300 + 298);
        }
    }

    @Test
    void anUnreadableTraceFailsTheRunNamingIt() throws IOException {
        Files.writeString(dir.resolve("bad.trace"), "# mempred-trace v1\n0 x 1 64\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReplayTraces.open(settings(0)))
                .hasMessageContaining("bad.trace")
                .isNotInstanceOf(UncheckedIOException.class);
    }
}
