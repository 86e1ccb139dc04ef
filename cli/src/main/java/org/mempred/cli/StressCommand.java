package org.mempred.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mempred.govern.PolicySpec;
import org.mempred.lab.experiment.Experiment;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.PolicyRuns;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.workload.Workload;
import org.mempred.lab.workload.Workloads;
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
            description = "Target mean pressure: 95, 95%% or 0.95 (default: ${DEFAULT-VALUE}).",
            defaultValue = "95")
    private String pressure;

    @Option(
            names = "--duration",
            description = "Virtual length of each run, e.g. 10m, 30s, 1h (default: ${DEFAULT-VALUE}).",
            defaultValue = "10m")
    private String duration;

    @Option(names = "--policies", description = PolicyList.DESCRIPTION, defaultValue = PolicyList.DEFAULT)
    private String policies;

    @Option(names = "--seeds", description = "Number of seeds, 1..N (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    private String seeds;

    @Option(names = "--heap", description = "Heap capacity (default: ${DEFAULT-VALUE}).", defaultValue = "100KiB")
    private String heap;

    @Option(
            names = "--lookahead",
            description = "Prediction horizon H (default: ${DEFAULT-VALUE}).",
            defaultValue = "5s")
    private String lookahead;

    @Option(
            names = "--workload",
            description = "stress (one pressure-level stressor) or mix (four subsystems sharing the heap)"
                    + " (default: ${DEFAULT-VALUE}).",
            defaultValue = "stress")
    private String workloadName;

    @Option(names = "--threads", description = "Worker threads (default: ${DEFAULT-VALUE}).", defaultValue = "2")
    private String threads;

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

    /** Parses and checks every option; throws {@link IllegalArgumentException} with one clear line. */
    StressSettings settings() {
        double target = Pressures.parse(pressure, "--pressure");
        long durationNanos = Durations.parseNanos(duration, "--duration");
        long horizonNanos = Durations.parseNanos(lookahead, "--lookahead");
        int heapBytes = Sizes.parseHeapBytes(heap, "--heap", false);
        int seedCount = Counts.positive(seeds, "--seeds");
        int threadCount = Counts.positive(threads, "--threads");
        List<PolicySpec> names = PolicyList.parse(policies);
        Workload workload = workload(target, heapBytes);
        output.checkJson();
        if (heapBytes < workload.maxRequestBytes()) {
            throw new IllegalArgumentException("--heap=" + heap + " (" + heapBytes
                    + " bytes) is smaller than the workload's largest request of " + workload.maxRequestBytes()
                    + " bytes");
        }
        SimulationOptions options = SimulationOptions.of(heapBytes, durationNanos)
                .withHorizonNanos(horizonNanos)
                .withNeuralWeights(weights.load(PredictorConfig.DEFAULTS));
        return new StressSettings(
                target,
                durationNanos,
                horizonNanos,
                new ExperimentSpec(workload, names, ExperimentSpec.seeds(seedCount), options, threadCount),
                weights.file());
    }

    private Workload workload(double target, int heapBytes) {
        return Workloads.byName(workloadName, "--workload", target, heapBytes);
    }

    static String json(StressSettings settings, ExperimentResult result) {
        ObjectNode json = Json.object();
        StressText.putHeader("stress", settings, json);
        json.put("workload", settings.spec().workload().name());
        StressText.putModel(settings, json);
        json.set("policies", ExperimentReport.policies(result));
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
