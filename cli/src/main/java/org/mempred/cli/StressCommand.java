package org.mempred.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mempred.cli.options.Durations;
import org.mempred.cli.options.ExperimentOptions;
import org.mempred.cli.options.HeapOption;
import org.mempred.cli.options.Pressures;
import org.mempred.cli.options.WeightsOption;
import org.mempred.cli.options.WorkloadOption;
import org.mempred.lab.experiment.Experiment;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.PolicyRuns;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Verdict;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.workload.Workload;
import org.mempred.metrics.Metrics;
import org.mempred.predict.PredictorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code mempred stress}: every policy on the same stress workload per seed, paired, on the
 * virtual clock; prints mean ± 95 % CI per policy and the paired change vs {@code reactive}.
 * The settings header goes to stdout at the start, the tables at the end (and {@code --json FILE});
 * progress goes to stderr (see {@link ProgressReporter}). Bad option values print one line and exit with code 2.
 */
@Command(
        name = "stress",
        mixinStandardHelpOptions = true,
        description = "Run compaction policies on the same seeded stress workload per seed (paired) and compare them.")
final class StressCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--pressure",
            paramLabel = "P",
            converter = Pressures.Converter.class,
            description = "Target mean pressure: 95, 95%% or 0.95 (default: ${DEFAULT-VALUE}).",
            defaultValue = "95")
    private double targetPressure;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            converter = Durations.Converter.class,
            description = "Virtual length of each run, e.g. 10m, 30s, 1h (default: ${DEFAULT-VALUE}).",
            defaultValue = "10m")
    private long durationNanos;

    @Mixin
    private HeapOption heap = new HeapOption();

    @Mixin
    private ExperimentOptions experiment = new ExperimentOptions();

    @Mixin
    private WorkloadOption workloadOption = new WorkloadOption();

    @Mixin
    private ReportOptions output = new ReportOptions();

    @Mixin
    private WeightsOption weights = new WeightsOption();

    @Option(
            names = "--metrics",
            description = "Also print the METRIC lines of every run's heap and governor at its end.")
    private boolean metrics;

    @Override
    public Integer call() {
        StressSettings settings = settings();
        PrintWriter out = output.tables(spec);
        out.println(StressText.header(settings));
        out.flush();
        ExperimentResult result;
        try (ProgressReporter progress =
                ProgressReporter.forStderr(spec.commandLine().getErr(), "mempred stress")) {
            progress.expect(
                    settings.spec().policies().size() * settings.spec().seeds().size());
            result = Experiment.run(settings.spec(), progress);
        }
        out.print(StressText.tables(result, output.tableColumns()));
        if (metrics) {
            out.print(metricLines(result));
        }
        out.flush();
        output.writeJson(spec, json(settings, result));
        return 0;
    }

    /** Checks the options together and loads the weights; throws {@link IllegalArgumentException} with one clear line. */
    StressSettings settings() {
        int heapBytes = heap.bytes();
        Workload workload = workloadOption.workload(targetPressure, heapBytes);
        output.checkJson();
        if (heapBytes < workload.maxRequestBytes()) {
            throw new IllegalArgumentException("--heap=" + heapBytes
                    + " bytes is smaller than the workload's largest request of " + workload.maxRequestBytes()
                    + " bytes");
        }
        SimulationOptions options = SimulationOptions.of(heapBytes, durationNanos)
                .withHorizonNanos(experiment.horizonNanos())
                .withNeuralWeights(weights.load(PredictorConfig.DEFAULTS));
        return new StressSettings(
                targetPressure,
                durationNanos,
                experiment.horizonNanos(),
                experiment.experiment(workload, options),
                weights.file());
    }

    static String json(StressSettings settings, ExperimentResult result) {
        ObjectNode json = Json.object();
        StressText.putHeader("stress", settings, json);
        json.put("workload", settings.spec().workload().name());
        StressText.putModel(settings, json);
        json.set("policies", ExperimentReport.policies(result));
        json.put("verdict", Verdict.of(result).text());
        return Json.write(json);
    }

    /** A comment line naming each run, then its METRIC lines (as the shell's {@code metrics} prints them). */
    static String metricLines(ExperimentResult result) {
        StringBuilder out = new StringBuilder();
        for (PolicyRuns policy : result.policies()) {
            for (RunResult run : policy.runs()) {
                out.append("\n# end of run: policy ")
                        .append(run.policy())
                        .append(", seed ")
                        .append(run.seed());
                out.append('\n').append(Metrics.format(run.finalMetrics()));
            }
        }
        return out.toString();
    }
}
