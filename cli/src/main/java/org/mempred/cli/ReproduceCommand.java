package org.mempred.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mempred.cli.options.CommandIoException;
import org.mempred.cli.options.Counts;
import org.mempred.cli.options.PathChecks;
import org.mempred.lab.reproduce.ReproduceSettings;
import org.mempred.lab.reproduce.Reproduction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mempred reproduce}: re-runs every experiment of the seed report with mempred and writes
 * {@code report.md}, {@code results.json} and PNG charts into {@code --out}, naming the commit
 * it ran from ({@link GitProvenance}, read in the working directory). Where the files went
 * goes to stdout; the settings and progress go to stderr (see {@link ProgressReporter}). Bad
 * option values print one line and exit with code 2 (see {@link Main}).
 */
@Command(
        name = "reproduce",
        mixinStandardHelpOptions = true,
        description = "Re-run every experiment of the seed report and write report.md, results.json and charts.")
final class ReproduceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "reproduce")
    private Path out;

    @Option(names = "--quick", description = "Fewer seeds and shorter runs (well under two minutes).")
    private boolean quick;

    @Option(
            names = "--seeds",
            paramLabel = "N",
            converter = Counts.Positive.class,
            description = "Seeds 1..N of every experiment, at least 2 (default: " + ReproduceSettings.FULL_SEEDS
                    + ", or " + ReproduceSettings.QUICK_SEEDS + " with --quick).")
    private Integer seeds;

    @Option(
            names = "--traces",
            paramLabel = "DIR",
            description = "Directory of *.trace / *.trace.gz files to replay (default: traces).")
    private Path traces;

    @Option(names = "--tiny", hidden = true, description = "Seconds-long runs, for tests.")
    private boolean tiny;

    @Override
    public Integer call() {
        ReproduceSettings settings = settings();
        PrintWriter err = spec.commandLine().getErr();
        err.println("mempred reproduce: " + commandLine(settings) + " (" + settings.seeds() + " seeds per experiment,"
                + " " + settings.threads() + " threads)");
        err.flush();
        long started = System.nanoTime();
        Reproduction.Output output;
        try (ProgressReporter progress = ProgressReporter.forStderr(err, "mempred reproduce")) {
            output = Reproduction.run(
                    settings,
                    out,
                    progress,
                    commandLine(settings),
                    GitProvenance.of(Path.of("").toAbsolutePath()));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("mempred reproduce: wrote " + output.report() + ", " + output.results() + " and "
                + output.charts().size() + " charts in " + out + " ("
                + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9) + " s)");
        stdout.flush();
        return 0;
    }

    /** The checked settings; throws one clear line on a bad option. */
    ReproduceSettings settings() {
        if (tiny && quick) {
            throw new IllegalArgumentException("--tiny and --quick exclude each other");
        }
        Path tracesDir = traces == null ? ReproduceSettings.DEFAULT_TRACES : traces;
        int count =
                seeds == null ? (quick ? ReproduceSettings.QUICK_SEEDS : ReproduceSettings.FULL_SEEDS) : seedCount();
        if (traces != null && !Files.isDirectory(traces)) {
            throw new CommandIoException("--traces " + traces + " is not a directory");
        }
        PathChecks.writableDirectory(out, "--out");
        if (tiny) {
            return ReproduceSettings.tiny(tracesDir).withSeeds(count);
        }
        return quick ? ReproduceSettings.quick(count, tracesDir) : ReproduceSettings.full(count, tracesDir);
    }

    private int seedCount() {
        if (seeds < 2 || seeds > 1000) {
            throw new IllegalArgumentException(
                    "--seeds=" + seeds + " must be between 2 and 1000 (a confidence interval needs two seeds)");
        }
        return seeds;
    }

    /** The command with every effective setting spelled out, for the report. */
    private String commandLine(ReproduceSettings settings) {
        String mode = tiny ? " --tiny" : quick ? " --quick" : "";
        return "mempred reproduce" + mode + " --seeds " + settings.seeds() + " --out " + out + " --traces "
                + settings.tracesDir();
    }
}
