package org.mempred.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.Policies;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.DirectCompaction;
import org.mempred.live.LiveSystem;
import org.mempred.predict.PredictorConfig;

class ShellTest {
    private final long[] now = {0};
    private final CompactingHeap heap = new CompactingHeap(8192);
    private final TimedPredictor.Latencies latencies = new TimedPredictor.Latencies();
    private final LiveSystem system = new LiveSystem(
            heap,
            org.mempred.govern.PolicySpec.parse("neural"),
            PredictorConfig.DEFAULTS,
            GovernorConfig.DEFAULTS,
            p -> new TimedPredictor(p, latencies),
            () -> now[0]);
    private final LiveStress stress = new LiveStress(system);
    private final Shell shell = new Shell(system, latencies, stress);

    @AfterEach
    void close() {
        stress.stop();
        system.close();
    }

    private String run(String... lines) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        for (String line : lines) {
            shell.execute(line, out);
        }
        out.flush();
        return text.toString();
    }

    @Test
    void policyCommandSetsTheHeapsDirectCompactionForm() {
        assertThat(heap.directCompaction()).isEqualTo(DirectCompaction.EVACUATE);
        run("policy reactive-slide");
        assertThat(heap.directCompaction()).isEqualTo(DirectCompaction.SLIDE);
        run("policy reactive");
        assertThat(heap.directCompaction()).isEqualTo(DirectCompaction.EVACUATE);
    }

    @Test
    void heapCommandsRoundTripThroughHandles() {
        String out = run(
                "heap alloc 40",
                "heap write 0:1 kernel buffer",
                "heap read 0:1",
                "heap pin 0:1",
                "heap free 0:1",
                "heap unpin 0:1",
                "heap free 0:1",
                "heap read 0:1");
        assertThat(out)
                .contains("handle 0:1 (40 bytes)")
                .contains("wrote 13 bytes to 0:1")
                .contains("kernel buffer (+27 zero bytes)")
                .contains("error: cannot free handle 0:1: block is pinned (pins=1)")
                .contains("freed 0:1")
                .contains("error: handle 0:1 is stale");
    }

    @Test
    void badInputPrintsOneErrorLineAndTheShellCarriesOn() {
        String out = run(
                "heap alloc lots",
                "heap alloc 999999",
                "frobnicate",
                "policy magic",
                "log x",
                "autonomy sideways",
                "mempred train",
                "stress start --pressure 250",
                "heap status");
        assertThat(out.lines().filter(l -> l.startsWith("error: "))).hasSize(8);
        assertThat(out)
                .contains("error: Invalid value for positional parameter at index 0 (SIZE): 'lots' is not a size")
                .contains("error: SIZE=999999 bytes is over the heap's capacity of 8192 bytes")
                .contains("error: unknown command 'frobnicate'; try help (commands: mempred, heap, stress,")
                .contains("error: Invalid value for positional parameter at index 0 (NAME): unknown policy 'magic'")
                .contains("error: Invalid value for positional parameter at index 0 (N): 'x' is not a whole number")
                .contains("error: autonomy 'sideways': expected on, off or status")
                .contains("no labelled samples yet")
                .contains("error: Invalid value for option '--pressure': '250' is outside (0, 100 %]")
                .contains("heap: 0/8192 bytes used");
        assertThat(system.currentGovernor().policy().name()).isEqualTo("neural");
    }

    @Test
    void statusReportAndMetricsDescribeTheGovernor() {
        for (int i = 0; i < 30; i++) {
            run("heap alloc " + (50 + 10 * i));
            now[0] += 500_000_000L;
            system.tick();
        }
        String out = run("mempred status", "mempred report", "metrics", "log 3", "policy holt", "autonomy status");
        assertThat(out)
                .contains("policy neural, mode PREDICTIVE")
                .contains("predictor neural, features volume, horizon 5.0 s")
                .contains("samples 30, predictions 30")
                .contains("running accuracy")
                .contains("accuracy by band of current pressure")
                .contains("  all ")
                .contains("predict  n=30")
                .contains("METRIC heap_used_bytes=" + heap.usedBytes())
                .contains("METRIC mempred_predictions=30")
                .contains("policy holt")
                .contains("autonomy off, policy holt");
        assertThat(out.lines().filter(l -> l.startsWith("  t="))).hasSize(3);
    }

    @Test
    void helpListsEveryCommandAndExplainsEachOne() {
        assertThat(shell.commandWords())
                .startsWith("mempred", "heap", "stress", "autonomy", "policy", "metrics", "log", "help", "exit");
        String list = run("help");
        assertThat(list).startsWith("Usage: COMMAND [ARGS]...").doesNotContain("Usage: Usage");
        for (String word : shell.commandWords()) {
            assertThat(list).contains(word);
            assertThat(run("help " + word)).as(word).contains("Usage: ").doesNotContain("error:");
        }
        assertThat(run("help heap")).contains("alloc").contains("compact").contains("Drive the heap by hand");
        assertThat(run("help nope")).startsWith("error: Unknown subcommand 'nope'");
    }

    @Test
    void aSubcommandThatDoesNotExistListsTheOnesThatDo() {
        assertThat(run("heap frob"))
                .startsWith("error: unknown command 'heap frob'; try help heap (commands: ")
                .contains("alloc")
                .contains("dump");
        assertThat(run("stress", "stress start"))
                .contains("stress stopped")
                .contains("Missing required option: '--pressure=P'");
    }

    @Test
    void completionOffersCommandsSubcommandsOptionsAndPolicyNamesFromTheCommandModel() {
        assertThat(complete("he")).containsExactlyInAnyOrder("heap", "help");
        assertThat(complete("heap al")).containsExactly("alloc");
        assertThat(complete("mempred ")).contains("status", "train", "report");
        assertThat(complete("stress start --")).contains("--pressure", "--rate");
        assertThat(complete("autonomy o")).containsExactlyInAnyOrder("on", "off");
        assertThat(complete("policy ")).containsAll(Policies.NAMES);
    }

    /** The candidates for the last word of {@code line}, kept as the line reader keeps them: by prefix. */
    private List<String> complete(String line) {
        List<Candidate> candidates = new ArrayList<>();
        ParsedLine parsed = new DefaultParser().parse(line, line.length());
        shell.completer().complete(null, parsed, candidates);
        return candidates.stream()
                .map(Candidate::value)
                .filter(value -> value.startsWith(parsed.word()))
                .toList();
    }

    @Test
    void scriptedSessionThroughADumbTerminalOverStreams() throws Exception {
        byte[] script = "heap alloc 64\nheap status\nmetrics\nexit\nheap alloc 1\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (Terminal terminal =
                new DumbTerminal("test", "dumb", new ByteArrayInputStream(script), output, StandardCharsets.UTF_8)) {
            ShellCommand.loop(shell, terminal);
        }
        String out = output.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("handle 0:1 (64 bytes)").contains("METRIC heap_live_blocks=1");
        assertThat(heap.stats().liveBlocks()).as("nothing after exit runs").isEqualTo(1);
    }

    @Test
    void backgroundStressRunsAndGivesItsMemoryBack() throws InterruptedException {
        assertThat(run("stress start --pressure 0.6 --rate 20000")).contains("stress started");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (heap.stats().allocations() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(run("stress status")).contains("stress running");
        assertThat(run("stress stop")).contains("stress stopped");
        assertThat(heap.stats().allocations()).isGreaterThanOrEqualTo(50);
        assertThat(heap.usedBytes()).isZero();
        heap.invariants();
    }

    @Test
    void blocksFreedByHandUnderARunningStressDoNotStopIt() throws InterruptedException {
        run("stress start --pressure 0.6 --rate 20000");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (heap.stats().allocations() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        for (int slot = 0; slot < 20; slot++) {
            run("heap free " + slot + ":1");
        }
        long before = heap.stats().allocations();
        while (heap.stats().allocations() < before + 50 && System.nanoTime() < deadline + 5_000_000_000L) {
            Thread.sleep(10);
        }
        assertThat(run("stress status")).contains("stress running");
        run("stress stop");
        assertThat(heap.stats().allocations()).isGreaterThanOrEqualTo(before + 50);
        assertThat(heap.usedBytes()).isZero();
        heap.invariants();
    }

    @Test
    void latencyLineSaysWhenThereAreNoSamplesYet() {
        assertThat(latencies.line("predict", latencies.predict)).contains("no samples yet");
    }
}
