package org.mempred.cli.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.mempred.cli.options.HeapOption;
import org.mempred.cli.options.PolicyConverter;
import org.mempred.cli.options.WeightsOption;
import org.mempred.govern.GovernorConfig;
import org.mempred.govern.PolicySpec;
import org.mempred.heap.CompactingHeap;
import org.mempred.live.Jmx;
import org.mempred.live.LiveSystem;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PredictorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code mempred shell}: a live heap and governor on the real clock behind a JLine prompt with
 * history and tab completion. When standard input is not a terminal the same commands are read
 * line by line from it, so sessions can be scripted ({@code echo 'mempred status' | mempred shell}):
 * then output goes to standard output, each {@code error:} line to standard error, and the exit
 * status is 1 when any command failed (0 otherwise), so a script can check it. The MXBeans {@code org.mempred:type=Heap} and {@code org.mempred:type=Governor} are registered
 * for the session.
 */
@Command(
        name = "shell",
        mixinStandardHelpOptions = true,
        description = "Interactive shell over a live heap and governor: mempred status|train|report, heap ..., "
                + "stress ..., autonomy, policy, metrics, log.")
public final class ShellCommand implements Callable<Integer> {
    @Mixin
    private HeapOption heapSize = new HeapOption();

    @Option(
            names = "--policy",
            defaultValue = "neural",
            converter = PolicyConverter.class,
            description = "Starting policy (default: ${DEFAULT-VALUE}).")
    private PolicySpec policy;

    @Option(
            names = "--features",
            converter = FeatureSetConverter.class,
            description = "Inputs of the peak-pressure network (neural-peak, neural-cold-peak): seed or rich"
                    + " (default: seed). The demand policies (neural, the default) read their own demand set.")
    private FeatureSet features;

    /** {@code --features}: a feature set by its id. */
    static final class FeatureSetConverter implements ITypeConverter<FeatureSet> {
        @Override
        public FeatureSet convert(String text) {
            try {
                return FeatureSet.byName(text.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + text + "' is unknown; valid: " + FeatureSet.validNames());
            }
        }
    }

    @Option(names = "--no-autonomy", description = "Start with the governor's loop off.")
    private boolean noAutonomy;

    @Mixin
    private WeightsOption weights = new WeightsOption();

    @Spec
    private CommandSpec spec;

    @Override
    // The JMX registration lives for the session; the try block only scopes it.
    @SuppressWarnings("try")
    public Integer call() throws IOException {
        int capacity = heapSize.bytes();
        checkFeaturesApply(features, policy);
        CompactingHeap heap = new CompactingHeap(capacity);
        PredictorConfig config = PredictorConfig.DEFAULTS.withFeatureSet(features == null ? FeatureSet.SEED : features);
        NeuralWeights start = weights.load(config);
        PredictorConfig predictors = config.withWeights(start);
        if (weights.file() != null) {
            spec.commandLine().getErr().println("mempred shell: " + WeightsOption.describe(weights.file()));
            spec.commandLine().getErr().flush();
        }
        TimedPredictor.Latencies latencies = new TimedPredictor.Latencies();
        try (LiveSystem system = new LiveSystem(
                        heap, policy, predictors, GovernorConfig.DEFAULTS, p -> new TimedPredictor(p, latencies));
                Jmx jmx = Jmx.register(system);
                Terminal terminal =
                        TerminalBuilder.builder().system(true).dumb(true).build()) {
            LiveStress stress = new LiveStress(system);
            system.setAutonomy(!noAutonomy);
            Shell shell = new Shell(system, latencies, stress);
            try {
                return loop(shell, terminal, spec.commandLine().getErr()) == 0 ? 0 : 1;
            } finally {
                stress.stop();
            }
        }
    }

    /**
     * Refuses a {@code --features} choice that {@code policy} would ignore: only the peak-pressure
     * policies with a network ({@code neural-peak}, {@code neural-cold-peak}) read the configured
     * set; the demand policies always read {@link FeatureSet#DEMAND}, the others read none.
     */
    static void checkFeaturesApply(FeatureSet features, PolicySpec policy) {
        if (features == null) {
            return;
        }
        if (policy instanceof PolicySpec.Peak peak
                && (peak.forecaster() == PolicySpec.Forecaster.NEURAL
                        || peak.forecaster() == PolicySpec.Forecaster.NEURAL_COLD)) {
            return;
        }
        if (policy instanceof PolicySpec.Demand && features == FeatureSet.DEMAND
                || policy instanceof PolicySpec.Volume && features == FeatureSet.VOLUME) {
            return;
        }
        String reads = policy instanceof PolicySpec.Volume
                ? "reads the volume inputs"
                : policy instanceof PolicySpec.Demand
                        ? "reads the demand inputs"
                        : policy instanceof PolicySpec.Peak ? "has no network to read inputs" : "makes no forecast";
        throw new IllegalArgumentException("--features " + features.id() + " does not apply to --policy "
                + policy.name() + ", which " + reads + "; it applies to neural-peak and neural-cold-peak"
                + " (e.g. --policy neural-peak --features " + features.id() + ")");
    }

    /**
     * Reads and runs lines until {@code exit} or end of input. On a real terminal errors show
     * among the output; on a dumb one (input not a terminal: a script) they go to {@code scriptErr}.
     *
     * @return how many commands failed when scripted; 0 on a real terminal, where a typo is no failure of the session
     */
    static int loop(Shell shell, Terminal terminal, PrintWriter scriptErr) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("mempred")
                .completer(shell.completer())
                .build();
        PrintWriter out = terminal.writer();
        boolean interactive = !"dumb".equals(terminal.getType());
        PrintWriter err = interactive ? out : scriptErr;
        if (interactive) {
            out.println("mempred shell: help lists the commands, exit leaves.");
        }
        int failures = 0;
        while (true) {
            String line;
            try {
                line = reader.readLine(interactive ? "mempred> " : "");
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return failures;
            }
            Shell.Next next = shell.execute(line, out, err);
            if (next == Shell.Next.EXIT) {
                return failures;
            }
            if (next == Shell.Next.FAILED && !interactive) {
                failures++;
            }
        }
    }
}
