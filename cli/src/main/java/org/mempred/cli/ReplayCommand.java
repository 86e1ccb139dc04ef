package org.mempred.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mempred.cli.options.ClockOption;
import org.mempred.cli.options.CommandIoException;
import org.mempred.cli.options.Durations;
import org.mempred.cli.options.ExperimentOptions;
import org.mempred.cli.options.HeapChoice;
import org.mempred.cli.options.PathChecks;
import org.mempred.cli.options.PositiveNumbers;
import org.mempred.cli.options.Pressures;
import org.mempred.cli.options.WeightsOption;
import org.mempred.heap.Granules;
import org.mempred.lab.experiment.Experiment;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.experiment.ExperimentSpec;
import org.mempred.lab.experiment.PolicyRuns;
import org.mempred.lab.report.ExperimentReport;
import org.mempred.lab.report.Json;
import org.mempred.lab.report.Verdict;
import org.mempred.lab.sim.RunResult;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.trace.ReplayMarks;
import org.mempred.lab.trace.ReplaySizing;
import org.mempred.lab.trace.TraceCache;
import org.mempred.lab.trace.TraceFormat;
import org.mempred.lab.trace.TraceSummary;
import org.mempred.lab.trace.TraceWorkload;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PredictorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code mempred replay TRACE...}: every policy replays the same captured trace per seed (paired),
 * on the virtual clock, with the same tables and JSON as {@code mempred stress}.
 *
 * <p>Per trace: a first streaming pass ({@link TraceSummary}) validates the whole file and
 * measures its peak live bytes, events and length, so a malformed line stops the command before
 * any run (one line naming file and line, exit 2). Then the heap is sized ({@code --heap auto}:
 * the peak at {@code --pressure}), the speed chosen (default: the trace stretched to
 * {@value ReplaySizing#HORIZONS_PER_REPLAY} horizons), and the trace runs as a
 * {@link TraceWorkload}: atomics and pins marked from (seed, allocation index) as in the stressor,
 * so every policy sees the identical stream. The first pass also decodes the trace into a
 * {@link TraceCache}, a compact binary temporary file that every run reads instead of the text
 * (memory: a buffer and the live set per run, never the trace's length); it is deleted when the
 * command ends.
 *
 * <p>Formats, told apart by content ({@link org.mempred.lab.trace.TraceSource#open}):
 * {@code mempred-trace} v1 and v2 and AOSP {@code memory_replay} dumps, each plain, gzip or zip.
 * A dump without timestamps runs on the synthetic clock of {@code --clock} ({@link ClockOption}).
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Replay captured allocation traces under compaction policies, paired per seed, and compare"
                + " them. Reads mempred-trace v1 or v2 (mempred capture) and AOSP memory_replay dumps (<tid>: malloc|calloc|"
                + "memalign|realloc|free|thread_done ..., with or without start/end ns), plain, gzip or zip, told apart"
                + " by content; a zip replays its first entry that holds a trace.")
final class ReplayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "TRACE",
            description =
                    "Trace files: mempred-trace (.trace, .trace.gz) or AOSP memory_replay dumps (.txt, .zip, .gz).")
    private List<Path> traces;

    @Option(
            names = "--heap",
            paramLabel = "SIZE",
            converter = HeapChoice.Converter.class,
            description = "auto (the trace's peak live bytes at --pressure) or a size such as 1MiB"
                    + " (default: ${DEFAULT-VALUE}).",
            defaultValue = HeapChoice.AUTO)
    private HeapChoice heap;

    @Option(
            names = "--pressure",
            paramLabel = "P",
            converter = Pressures.Converter.class,
            description =
                    "Pressure of the peak live bytes for --heap auto: 95, 95%% or 0.95 (default: ${DEFAULT-VALUE}).",
            defaultValue = "95")
    private double targetPressure;

    @Option(
            names = "--speed",
            paramLabel = "X",
            converter = PositiveNumbers.Converter.class,
            description = "Replay speed: 2 = twice as fast, 0.01 = 100 times slower (default: stretch a trace shorter"
                    + " than " + ReplaySizing.HORIZONS_PER_REPLAY + " horizons to that length).")
    private Double speed;

    @Mixin
    private ExperimentOptions experiment = new ExperimentOptions();

    @Mixin
    private ReportOptions output = new ReportOptions();

    @Mixin
    private WeightsOption weights = new WeightsOption();

    @Mixin
    private ClockOption clock = new ClockOption();

    /** Fewer horizons than this in a replay and the predictors have next to nothing to forecast. */
    static final double MIN_HORIZONS = 3.0;

    /**
     * One trace's checked settings, how its heap and speed were chosen, and what the user should
     * know before trusting the tables (for the report).
     */
    record Plan(
            TraceWorkload workload,
            StressSettings settings,
            String heapChoice,
            String speedChoice,
            ReplayMarks marks,
            List<String> warnings) {}

    /** The decoded traces of this run, deleted when it ends. */
    private final List<TraceCache> caches = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            return replay(plans());
        } finally {
            caches.forEach(TraceCache::close);
            caches.clear();
        }
    }

    private int replay(List<Plan> plans) {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = output.tables(spec);
        ObjectNode document = Json.object().put("command", "replay");
        ArrayNode traceResults = document.putArray("traces");
        for (Plan plan : plans) {
            err.println("mempred replay: " + plan.workload().path() + " ...");
            for (String warning : plan.warnings()) {
                err.println("mempred replay: warning: " + warning);
            }
            err.flush();
            out.print(header(plan));
            out.flush();
            ExperimentResult result;
            try (ProgressReporter progress = ProgressReporter.forStderr(err, "mempred replay")) {
                ExperimentSpec spec = plan.settings().spec();
                progress.expect(spec.policies().size() * spec.seeds().size());
                result = Experiment.run(spec, progress);
            }
            out.print(tables(result, output.tableColumns()));
            out.println();
            out.flush();
            traceResults.add(json(plan, result));
        }
        output.writeJson(spec, Json.write(document));
        return 0;
    }

    /** Checks the options together and makes a first pass over every trace; throws one clear line on bad input. */
    List<Plan> plans() {
        double target = targetPressure;
        long horizonNanos = experiment.horizonNanos();
        ReplayMarks marks = ReplayMarks.stressorDefaults();
        for (Path trace : traces) {
            PathChecks.readableFile(trace, "trace");
        }
        output.checkJson();
        NeuralWeights startWeights = weights.load(PredictorConfig.DEFAULTS);
        List<Plan> plans = new ArrayList<>();
        for (Path trace : traces) {
            TraceCache cache = decode(trace, clock.nanosPerCall());
            caches.add(cache);
            TraceSummary summary = cache.summary();
            int heapBytes = heapBytes(summary, target);
            String heapChoice = heapChoice(summary, heapBytes, target);
            double chosenSpeed =
                    speed != null ? speed : ReplaySizing.defaultSpeed(summary.durationNanos(), horizonNanos);
            TraceWorkload workload = new TraceWorkload(cache, chosenSpeed, marks);
            long runNanos = Math.max(1, workload.replayNanos());
            String speedChoice = speedChoice(summary, chosenSpeed, speed != null, runNanos, horizonNanos);
            MemoryEstimate.require(
                    summary,
                    heapBytes,
                    Math.min(experiment.threads(), experiment.seeds()),
                    Runtime.getRuntime().maxMemory());
            if (heapBytes < summary.maxRequestBytes()) {
                throw new IllegalArgumentException("--heap=" + heapBytes
                        + " bytes is smaller than the trace's largest request of " + summary.maxRequestBytes()
                        + " bytes in " + trace);
            }
            SimulationOptions options = SimulationOptions.of(heapBytes, runNanos)
                    .withHorizonNanos(horizonNanos)
                    .withNeuralWeights(startWeights);
            StressSettings settings = new StressSettings(
                    target, runNanos, horizonNanos, experiment.experiment(workload, options), weights.file());
            plans.add(new Plan(
                    workload,
                    settings,
                    heapChoice,
                    speedChoice,
                    marks,
                    warnings(summary, heapBytes, runNanos, horizonNanos)));
        }
        return plans;
    }

    /** What makes a replay's tables misleading, found before it runs. */
    static List<String> warnings(TraceSummary summary, int heapBytes, long runNanos, long horizonNanos) {
        List<String> warnings = new ArrayList<>();
        double horizons = (double) runNanos / horizonNanos;
        if (horizons < MIN_HORIZONS) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "the replay spans only %.2g horizons (%.3g s at lookahead %s): the predictors have next to"
                            + " nothing to forecast; lower --speed (without it the trace is stretched to %d horizons)",
                    horizons,
                    runNanos / 1e9,
                    Durations.format(horizonNanos),
                    ReplaySizing.HORIZONS_PER_REPLAY));
        }
        if (summary.peakLiveBytes() > heapBytes) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "the trace's peak live %,d bytes exceed the heap of %,d bytes: the allocations that reach the"
                            + " peak (up to the largest request, %,d bytes) can never fit, whatever the policy;"
                            + " they count as exhaustion OOM events for every policy",
                    summary.peakLiveBytes(),
                    heapBytes,
                    summary.maxRequestBytes()));
        }
        return List.copyOf(warnings);
    }

    /** The note under the tables when no run of any policy had an OOM event. */
    static String noOomNote(ExperimentResult result) {
        for (PolicyRuns policy : result.policies()) {
            for (RunResult run : policy.runs()) {
                if (run.heap().oomEvents() > 0) {
                    return "";
                }
            }
        }
        return "note: no policy had an OOM event at this heap, so the OOM rows cannot tell them apart;"
                + " try --pressure 100 (the peak fills the heap) or a smaller --heap\n";
    }

    private static TraceCache decode(Path trace, long nanosPerCall) {
        try {
            return TraceCache.decode(trace, nanosPerCall);
        } catch (IOException e) {
            throw new CommandIoException("cannot read trace " + trace + ": " + PathChecks.reason(e), e);
        }
    }

    private int heapBytes(TraceSummary summary, double target) {
        return switch (heap) {
            case HeapChoice.Fixed fixed -> fixed.bytes();
            case HeapChoice.Auto auto -> {
                try {
                    yield ReplaySizing.autoCapacityBytes(summary.peakLiveBytes(), target);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(summary.name() + ": --heap auto: " + e.getMessage(), e);
                }
            }
        };
    }

    private String heapChoice(TraceSummary summary, int heapBytes, double target) {
        double peakPressure = (double) summary.peakLiveBytes() / heapBytes;
        if (heap instanceof HeapChoice.Auto) {
            return String.format(
                    Locale.ROOT,
                    "auto: peak live %d bytes / pressure %.3f, rounded up to %d B -> peak at %.2f%%",
                    summary.peakLiveBytes(),
                    target,
                    Granules.BYTES,
                    peakPressure * 100.0);
        }
        return String.format(
                Locale.ROOT,
                "--heap %d bytes: peak live %d bytes sits at %.2f%%",
                heapBytes,
                summary.peakLiveBytes(),
                peakPressure * 100.0);
    }

    private static String speedChoice(
            TraceSummary summary, double speed, boolean fixed, long runNanos, long horizonNanos) {
        String stretch = String.format(
                Locale.ROOT,
                "%.6g (the trace's %.3f s replays as %.3g s = %.3g horizons)",
                speed,
                summary.durationNanos() / 1e9,
                runNanos / 1e9,
                (double) runNanos / horizonNanos);
        if (fixed) {
            return stretch + ", from --speed";
        }
        return stretch + ", default: "
                + (speed < 1.0
                        ? "stretched to " + ReplaySizing.HORIZONS_PER_REPLAY + " horizons so the horizon matters"
                        : "real time, the trace is long enough")
                + "; --speed X to change";
    }

    /** The report of one trace: the header, then the tables. */
    static String report(Plan plan, ExperimentResult result, int tableColumns) {
        return header(plan) + tables(result, tableColumns);
    }

    /** The tables of one trace's result and the note when they show no OOM event. */
    static String tables(ExperimentResult result, int tableColumns) {
        return StressText.tables(result, tableColumns, noOomNote(result));
    }

    /** What is replayed and how, printed before the runs start. */
    static String header(Plan plan) {
        TraceSummary summary = plan.workload().summary();
        ExperimentSpec experiment = plan.settings().spec();
        SimulationOptions options = experiment.options();
        List<Long> seedList = experiment.seeds();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "mempred replay: %s (%s, %s)%n"
                        + "trace: %,d events (%,d allocations, %,d frees), %,d frees of unknown ids skipped,"
                        + " peak live %,d bytes, largest request %,d bytes, %.3f s long%n"
                        + "heap: %d bytes (%s)%n"
                        + "speed: %s%n"
                        + "marks: %.1f%% of allocations atomic, %.1f%% pinned for %.0f ms on average, drawn from"
                        + " (seed, allocation index): the same stream for every policy; a failed allocation makes"
                        + " the later events of its id no-ops%n"
                        + "governor: lookahead %s, tick %s; placement %s; policies: %s (paired per seed);"
                        + " seeds: %s (%d)%n"
                        + "weights: %s%n"
                        + "%s"
                        + "model: compaction = %s (virtual); wall time measured"
                        + " beside it (in --json); response = waiting + %d ns per allocation + direct compaction%n%n",
                plan.workload().name(),
                summary.name(),
                format(summary),
                summary.events(),
                summary.allocations(),
                summary.frees(),
                summary.unknownFrees(),
                summary.peakLiveBytes(),
                summary.maxRequestBytes(),
                summary.durationNanos() / 1e9,
                options.heapBytes(),
                plan.heapChoice(),
                plan.speedChoice(),
                plan.marks().atomicShare() * 100.0,
                plan.marks().pinShare() * 100.0,
                plan.marks().meanPinNanos() / 1e6,
                Durations.format(plan.settings().horizonNanos()),
                Durations.format(options.tickNanos()),
                options.placement().id(),
                String.join(", ", experiment.names()),
                seedList.size() == 1 ? seedList.get(0).toString() : seedList.get(0) + ".." + seedList.getLast(),
                seedList.size(),
                plan.settings().weightsText(),
                plan.warnings().stream().map(w -> "warning: " + w + "\n").collect(Collectors.joining()),
                options.costModel().describe(),
                options.requestNanos()));
        return out.toString();
    }

    /** The trace's format and, for a dump, where its times come from. */
    static String format(TraceSummary summary) {
        if (summary.format() != TraceFormat.AOSP) {
            return summary.format().describe();
        }
        return summary.format().describe()
                + (summary.syntheticClock()
                        ? "; no timestamps: synthetic clock of " + summary.syntheticClockNanos()
                                + " ns per call (--clock)"
                        : "; times from its start timestamps"
                                + (summary.clampedTimes() == 0
                                        ? ""
                                        : String.format(
                                                Locale.ROOT,
                                                " (%,d calls started before the line above and were raised to its"
                                                        + " time)",
                                                summary.clampedTimes())));
    }

    /** One trace's results in the stress JSON layout, plus what describes the trace and the choices made. */
    static ObjectNode json(Plan plan, ExperimentResult result) {
        TraceSummary summary = plan.workload().summary();
        StressSettings settings = plan.settings();
        ObjectNode json = Json.object();
        StressText.putHeader("replay", settings, json);
        json.put("workload", plan.workload().name());
        json.put("trace", plan.workload().path().toString());
        json.put("format", summary.format().describe());
        json.put("syntheticClockNanos", summary.syntheticClockNanos());
        json.put("clampedTimes", summary.clampedTimes());
        json.put("events", summary.events());
        json.put("allocations", summary.allocations());
        json.put("unknownFrees", summary.unknownFrees());
        json.put("peakLiveBytes", summary.peakLiveBytes());
        json.put("maxRequestBytes", summary.maxRequestBytes());
        json.set("traceSeconds", Json.number(summary.durationNanos() / 1e9));
        json.put("heapChoice", plan.heapChoice());
        json.set("speed", Json.number(plan.workload().speed()));
        json.put("speedChoice", plan.speedChoice());
        json.set("atomicShare", Json.number(plan.marks().atomicShare()));
        json.set("pinShare", Json.number(plan.marks().pinShare()));
        json.set("meanPinSeconds", Json.number(plan.marks().meanPinNanos() / 1e9));
        ArrayNode warnings = json.putArray("warnings");
        plan.warnings().forEach(warnings::add);
        StressText.putModel(settings, json);
        json.set("policies", ExperimentReport.policies(result));
        json.put("verdict", Verdict.of(result).text());
        return json;
    }
}
