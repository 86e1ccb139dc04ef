package org.mempred.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        StringWriter errors = new StringWriter();
        int failures;
        try (Terminal terminal =
                new DumbTerminal("test", "dumb", new ByteArrayInputStream(script), output, StandardCharsets.UTF_8)) {
            failures = ShellCommand.loop(shell, terminal, new PrintWriter(errors));
        }
        String out = output.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("handle 0:1 (64 bytes)").contains("METRIC heap_live_blocks=1");
        assertThat(heap.stats().liveBlocks()).as("nothing after exit runs").isEqualTo(1);
        assertThat(failures).isZero();
        assertThat(errors.toString()).isEmpty();
    }

    @Test
    void aScriptedSessionSendsErrorsToTheErrorWriterAndCountsTheFailedCommands() throws Exception {
        byte[] script = "heap alloc 64\nbogus\nheap alloc lots\nheap status\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        StringWriter errors = new StringWriter();
        int failures;
        try (Terminal terminal =
                new DumbTerminal("test", "dumb", new ByteArrayInputStream(script), output, StandardCharsets.UTF_8)) {
            failures = ShellCommand.loop(shell, terminal, new PrintWriter(errors));
        }
        String out = output.toString(StandardCharsets.UTF_8);
        assertThat(failures).isEqualTo(2);
        assertThat(errors.toString().lines())
                .hasSize(2)
                .allMatch(line -> line.startsWith("error: "))
                .anyMatch(line -> line.contains("unknown command 'bogus'"));
        assertThat(out)
                .contains("handle 0:1 (64 bytes)")
                .contains("heap: 64/8192")
                .doesNotContain("error");
    }

    @Test
    void executeSaysWhetherTheLineFailed() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(shell.execute("heap status", new PrintWriter(out), new PrintWriter(err)))
                .isEqualTo(Shell.Next.CONTINUE);
        assertThat(shell.execute("help nope", new PrintWriter(out), new PrintWriter(err)))
                .isEqualTo(Shell.Next.FAILED);
        assertThat(shell.execute("  ", new PrintWriter(out), new PrintWriter(err)))
                .isEqualTo(Shell.Next.CONTINUE);
        assertThat(shell.execute("exit", new PrintWriter(out), new PrintWriter(err)))
                .isEqualTo(Shell.Next.EXIT);
        assertThat(err.toString()).startsWith("error: Unknown subcommand 'nope'");
        assertThat(out.toString()).doesNotContain("error");
    }

    @Test
    void stressStartWhileAStressorRunsIsRefusedAndSaysHowToStopIt() throws InterruptedException {
        assertThat(run("stress start --pressure 0.6 --rate 2000")).contains("stress started");
        String status = run("stress status");
        String refused = run("stress start --pressure 0.9");
        assertThat(refused)
                .startsWith("error: stress is already running (target pressure 0.60, 2000 requests/s, seed ")
                .contains("stop it first with 'stress stop'");
        assertThat(run("stress status"))
                .as("the running stressor is unchanged")
                .contains("stress running: target pressure 0.60")
                .contains(status.substring(status.indexOf("seed "), status.indexOf(',', status.indexOf("seed "))));
        run("stress stop");
        assertThat(run("stress start --pressure 0.9")).contains("stress started: target pressure 0.90");
    }

    @Test
    void logCollapsesARunOfEqualDecisionsIntoOneLineWithACount() {
        run("policy reactive");
        for (int i = 0; i < 12; i++) {
            run(i == 6 ? "heap alloc 4000" : "heap status");
            now[0] += 500_000_000L;
            system.tick();
        }
        List<String> lines =
                run("log 20").lines().filter(l -> l.startsWith("  t=")).toList();
        assertThat(lines)
                .containsExactly(
                        "  t=0.5–6.0s  p=0.000–0.488  q=-  IDLE         reactive: direct compaction only  ×12");
        assertThat(run("log 1").lines().filter(l -> l.startsWith("  t=")))
                .containsExactly("  t=6.0s  p=0.488  q=-  IDLE         reactive: direct compaction only");
    }

    @Test
    void statusAndReportNeverShowNaN() {
        String before = run("mempred status", "mempred report");
        assertThat(before).contains("running accuracy: no labels yet").doesNotContain("NaN");
        for (int i = 0; i < 14; i++) {
            now[0] += 500_000_000L;
            system.tick();
            String out = run("mempred status", "mempred report");
            assertThat(out).as("after tick " + i).doesNotContain("NaN");
        }
        assertThat(run("mempred status")).containsPattern("labelled predictions, skill (-|-?[0-9])");
        assertThat(run("mempred report")).contains("skill = 1 - MSE / MSE of persistence");
    }

    @Test
    void featuresAreRefusedWherePolicyDoesNotReadThem() {
        ShellCommand.checkFeaturesApply(null, org.mempred.govern.PolicySpec.parse("neural"));
        ShellCommand.checkFeaturesApply(
                org.mempred.predict.FeatureSet.RICH, org.mempred.govern.PolicySpec.parse("neural-peak"));
        ShellCommand.checkFeaturesApply(
                org.mempred.predict.FeatureSet.VOLUME, org.mempred.govern.PolicySpec.parse("neural"));
        ShellCommand.checkFeaturesApply(
                org.mempred.predict.FeatureSet.DEMAND, org.mempred.govern.PolicySpec.parse("neural-largest"));
        assertThatThrownBy(() -> ShellCommand.checkFeaturesApply(
                        org.mempred.predict.FeatureSet.RICH, org.mempred.govern.PolicySpec.parse("neural")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--features rich does not apply to --policy neural, which reads the volume inputs;"
                        + " it applies to neural-peak and neural-cold-peak (e.g. --policy neural-peak --features"
                        + " rich)");
        assertThatThrownBy(() -> ShellCommand.checkFeaturesApply(
                        org.mempred.predict.FeatureSet.SEED, org.mempred.govern.PolicySpec.parse("reserve")))
                .hasMessageContaining("--policy reserve, which makes no forecast");
        assertThatThrownBy(() -> ShellCommand.checkFeaturesApply(
                        org.mempred.predict.FeatureSet.RICH, org.mempred.govern.PolicySpec.parse("holt-peak")))
                .hasMessageContaining("holt-peak, which has no network to read inputs");
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
