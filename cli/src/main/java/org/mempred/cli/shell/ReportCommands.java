package org.mempred.cli.shell;

import java.io.PrintWriter;
import java.util.Locale;
import org.mempred.cli.options.Counts;
import org.mempred.govern.Governor;
import org.mempred.govern.GovernorStats;
import org.mempred.govern.Policies;
import org.mempred.heap.HeapStats;
import org.mempred.live.LiveSystem;
import org.mempred.predict.Footprint;
import org.mempred.predict.PredictionLoop;
import org.mempred.predict.Target;
import org.mempred.predict.accuracy.AccuracyReport;
import org.mempred.predict.accuracy.BandAccuracy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The shell's {@code mempred status|train|report}: the seed report's operator commands ({@code mempred}
 * alone is {@code status}).
 */
@Command(
        name = "mempred",
        description = "The predictor's state (status, the default), offline training over the recorded labels"
                + " (train), and accuracy by band, errors, compactions, OOM events and latencies (report).")
final class ReportCommands implements Runnable {
    private final LiveSystem system;
    private final TimedPredictor.Latencies latencies;

    @Spec
    private CommandSpec spec;

    ReportCommands(LiveSystem system, TimedPredictor.Latencies latencies) {
        this.system = system;
        this.latencies = latencies;
    }

    @Override
    public void run() {
        status();
    }

    @Command(name = "status", description = "Policy, mode, predictor, footprint, running accuracy, watchdog.")
    void status() {
        PrintWriter out = spec.commandLine().getOut();
        Governor governor = system.currentGovernor();
        GovernorStats stats = governor.stats();
        PredictionLoop loop = governor.predictionLoop().orElse(null);
        out.printf(
                "policy %s, mode %s, autonomy %s%n",
                governor.policy().name(), stats.mode(), system.autonomy() ? "on" : "off");
        if (loop == null) {
            out.println("predictor: none (policy " + governor.policy().name() + " does not predict)");
        } else {
            var predictor = Policies.undecorate(loop.predictor());
            out.printf(
                    "predictor %s, features %s, horizon %.1f s%n",
                    predictor.name(), predictor.featureSet().id(), predictor.horizonNanos() / 1e9);
            Footprint f = loop.footprint();
            out.printf(
                    "footprint %d bytes (weights %d, optimiser %d, history %d)%n",
                    f.totalBytes(), f.weightsBytes(), f.optimiserStateBytes(), f.historyBytes());
        }
        double last = governor.lastPrediction();
        var sample = governor.lastSample().orElse(null);
        out.printf(
                Locale.ROOT,
                "samples %d, predictions %d, last prediction %s%s%n",
                stats.ticks(),
                stats.predictions(),
                Double.isNaN(last) ? "-" : String.format(Locale.ROOT, "%.3f", last),
                sample == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                " at t=%.1fs (pressure then %.3f)",
                                system.secondsSince(sample.timeNanos()),
                                sample.pressure()));
        AccuracyReport accuracy = governor.accuracy().orElse(null);
        if (accuracy != null && accuracy.overall().count() > 0) {
            BandAccuracy all = accuracy.overall();
            out.printf(
                    Locale.ROOT,
                    "running accuracy %.1f %% over %d labelled predictions, skill %s%n",
                    100 * all.accuracy(),
                    all.count(),
                    Double.isNaN(all.skill())
                            ? "- (no error of persistence yet to compare with)"
                            : String.format(Locale.ROOT, "%.3f", all.skill()));
        } else if (accuracy != null) {
            out.println("running accuracy: no labels yet (a label arrives one horizon after its prediction)");
        }
        out.printf(
                "watchdog: %d alerts, %d recoveries, %d fallbacks, %d predictor failures, %d rate-limited%n",
                stats.watchdogAlerts(),
                stats.recoveries(),
                stats.fallbacks(),
                stats.predictorFailures(),
                stats.rateLimited());
    }

    @Command(name = "train", description = "N offline epochs over the recorded labels.")
    void train(
            @Parameters(
                            arity = "0..1",
                            paramLabel = "N",
                            defaultValue = "1",
                            converter = Counts.Positive.class,
                            description = "Epochs (default: ${DEFAULT-VALUE}).")
                    int epochs) {
        PrintWriter out = spec.commandLine().getOut();
        LiveSystem.TrainingOutcome outcome = system.train(epochs);
        out.printf(
                Locale.ROOT,
                "trained %d epoch(s) over %d labelled samples: mse %.6f -> %.6f%n",
                outcome.epochs(),
                outcome.examples(),
                outcome.mseBefore(),
                outcome.mseAfter());
    }

    @Command(name = "report", description = "Accuracy by band, errors, compactions, OOM events, latencies.")
    void report() {
        PrintWriter out = spec.commandLine().getOut();
        Governor governor = system.currentGovernor();
        AccuracyReport accuracy = governor.accuracy().orElse(null);
        if (accuracy == null) {
            out.println("accuracy: policy " + governor.policy().name() + " makes no predictions");
        } else {
            String threshold = governor.policy().target() == Target.DEMAND
                    ? "threshold: the largest free block at each prediction"
                    : String.format(Locale.ROOT, "threshold %.2f", accuracy.thresholdPressure());
            out.printf(
                    Locale.ROOT,
                    "accuracy by band of current pressure (%s, %d invalid predictions excluded)%n",
                    threshold,
                    accuracy.invalidPredictions());
            out.println("  band        N   accuracy     FP %     FN %      MAE     RMSE    skill");
            for (BandAccuracy band : accuracy.bands()) {
                row(out, band);
            }
            row(out, accuracy.overall());
            out.println("  skill = 1 - MSE / MSE of persistence (repeating the last horizon): above 0 beats it;"
                    + " - until persistence has erred");
        }
        HeapStats heap = system.heap().stats();
        GovernorStats stats = governor.stats();
        out.printf(
                "compactions: %d proactive, %d reactive (direct); %d bytes moved in all%n",
                stats.proactiveCompactions(), heap.directCompactions(), heap.bytesMoved());
        out.printf(
                "OOM events: %d (%d fragmentation, %d exhaustion)%n",
                heap.oomEvents(), heap.oomFragmentation(), heap.oomExhaustion());
        out.println("latency (wall clock, this session):");
        out.println(latencies.line("predict", latencies.predict));
        out.println(latencies.line("train", latencies.train));
    }

    private static void row(PrintWriter out, BandAccuracy b) {
        if (b.count() == 0) {
            out.printf("  %-8s %5d          -        -        -        -        -        -%n", b.band(), 0);
            return;
        }
        out.printf(
                Locale.ROOT,
                "  %-8s %5d   %7.1f%%  %6.1f%%  %6.1f%%  %7.4f  %7.4f  %7s%n",
                b.band(),
                b.count(),
                100 * b.accuracy(),
                100 * b.falsePositiveRate(),
                100 * b.falseNegativeRate(),
                b.meanAbsoluteError(),
                b.rootMeanSquaredError(),
                Double.isNaN(b.skill()) ? "-" : String.format(Locale.ROOT, "%.3f", b.skill()));
    }
}
