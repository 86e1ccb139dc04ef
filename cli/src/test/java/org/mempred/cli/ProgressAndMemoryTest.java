package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.mempred.cli.options.CommandIoException;
import org.mempred.lab.trace.TraceFormat;
import org.mempred.lab.trace.TraceSummary;

class ProgressAndMemoryTest {

    @Test
    void withoutATerminalProgressPrintsPlainLinesWithAnEtaOnATimer() throws InterruptedException {
        StringWriter text = new StringWriter();
        try (ProgressReporter progress = new ProgressReporter(new PrintWriter(text), "mempred stress", false, 1)) {
            progress.onRunFinished(1, 4, null);
            Thread.sleep(1_500);
            assertThat(text.toString()).contains("mempred stress: 1/4 runs, ").contains("ETA ");
        }
        assertThat(text.toString()).doesNotContain("\r").endsWith("\n");
    }

    @Test
    void onATerminalProgressIsABarRedrawnInPlace() {
        StringWriter text = new StringWriter();
        try (ProgressReporter progress = new ProgressReporter(new PrintWriter(text), "mempred replay", true, 1)) {
            progress.onProgress("3", 2, 4);
        }
        assertThat(text.toString())
                .startsWith("\r[###############...............] 2/4 section 3")
                .contains("ETA");
    }

    @Test
    void aReplayTooBigForTheJvmFailsUpFrontNamingTheSetting() {
        TraceSummary summary =
                new TraceSummary("big.trace.gz", 11_000_000, 5_500_000, 0, 300L << 20, 1 << 20, 60L, TraceFormat.V1);
        int heapBytes = 320 << 20;
        long needed = MemoryEstimate.bytes(summary, heapBytes, 2);
        assertThat(needed).isGreaterThan(2L * heapBytes * 2);
        assertThatThrownBy(() -> MemoryEstimate.require(summary, heapBytes, 2, 1L << 30))
                .isInstanceOf(CommandIoException.class)
                .hasMessageContaining("replaying big.trace.gz needs about")
                .hasMessageContaining("MEMPRED_JAVA_OPTS=-Xmx");
        MemoryEstimate.require(summary, heapBytes, 2, needed);
    }
}
