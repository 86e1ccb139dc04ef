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
import org.mempred.cli.options.Counts;
import org.mempred.cli.options.Durations;
import org.mempred.cli.options.HeapOption;
import org.mempred.cli.options.PathChecks;
import org.mempred.cli.options.Pressures;
import org.mempred.cli.options.WorkloadOption;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.lab.sim.Probes;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.sim.Simulator;
import org.mempred.lab.trace.AospDumpReader;
import org.mempred.lab.trace.ReplayMarks;
import org.mempred.lab.trace.ReplaySizing;
import org.mempred.lab.trace.TraceCache;
import org.mempred.lab.trace.TraceSummary;
import org.mempred.lab.trace.TraceWorkload;
import org.mempred.lab.workload.Workload;
import org.mempred.lab.workload.Workloads;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.Target;
import org.mempred.predict.neural.NeuralPredictor;
import org.mempred.predict.neural.OfflineTrainer;
import org.mempred.predict.neural.TrainingSet;
import org.mempred.predict.neural.TrainingSetRecorder;
import org.mempred.predict.neural.WeightsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code mempred train}: produces pre-trained weights for the neural predictor from lab runs.
 *
 * <p>For every target pressure and seed it simulates the stressor (or the multi-subsystem mix, or
 * each {@code --trace} replayed with its peak at that pressure) with the {@code neural-cold}
 * policy (the network learning online from seeded random weights, so the features it sees are
 * those of a neural-governed heap), records every delayed label, then trains a fresh seeded
 * network offline for {@code --epochs} passes over all of them and writes the weights file. Seeds
 * default to 1001 upwards, disjoint from the seeds experiments evaluate on (1, 2, ...), so shipped
 * weights are never judged on the streams they were trained on. The file's origin records the
 * command. Deterministic: the same options give the same file.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train neural weights offline on labelled samples from lab runs and write a weights file.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, description = "Weights file to write (JSON).")
    private Path out;

    @Option(
            names = "--pressures",
            paramLabel = "P",
            split = ",",
            converter = Pressures.Converter.class,
            defaultValue = "50,75,85,95,98",
            description = "Target pressures of the stressor runs (default: ${DEFAULT-VALUE}).")
    private List<Double> pressures;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            converter = Durations.Converter.class,
            defaultValue = "10m",
            description = "Virtual length of each run (default: ${DEFAULT-VALUE}).")
    private long durationNanos;

    @Option(
            names = "--seeds",
            paramLabel = "N",
            converter = Counts.Positive.class,
            defaultValue = "4",
            description = "Runs per pressure (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(
            names = "--first-seed",
            defaultValue = "1001",
            description = "First seed; experiments use 1, 2, ... so keep these apart (default: ${DEFAULT-VALUE}).")
    private long firstSeed;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            converter = Counts.Positive.class,
            defaultValue = "20",
            description = "Offline passes over the samples (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Mixin
    private HeapOption heap = new HeapOption();

    @Mixin
    private WorkloadOption workload = new WorkloadOption();

    @Option(
            names = "--trace",
            paramLabel = "FILE",
            description = "Train on this allocation trace instead of --workload (repeatable): mempred-trace or AOSP"
                    + " memory_replay dump, plain, gzip or zip (as mempred replay reads them); the heap is sized"
                    + " so its peak sits at each of --pressures, replayed as mempred replay does by default.")
    private List<Path> traces = new ArrayList<>();

    @Mixin
    private ClockOption clock = new ClockOption();

    @Option(
            names = "--target",
            converter = TargetConverter.class,
            defaultValue = "volume",
            description = "What the network forecasts: volume (the bytes requested in size classes over the next"
                    + " horizon, for the neural policy), largest (the largest request, for neural-largest; also"
                    + " 'demand') or peak (peak pressure, for neural-peak) (default: ${DEFAULT-VALUE}).")
    private Target target;

    /** {@code --target}: {@code volume}, {@code largest} (or {@code demand}) or {@code peak}. */
    static final class TargetConverter implements ITypeConverter<Target> {
        @Override
        public Target convert(String text) {
            return switch (text.trim()) {
                case "volume" -> Target.VOLUME;
                case "largest", "demand" -> Target.DEMAND;
                case "peak" -> Target.PEAK_PRESSURE;
                default -> throw new TypeConversionException("'" + text + "' is unknown; valid: volume, largest, peak");
            };
        }

        /** The word {@link #convert} reads as {@code target}. */
        static String name(Target target) {
            return target == Target.DEMAND ? "demand" : target.id();
        }
    }

    /** One workload to simulate, with the options it runs under. */
    private record Job(String label, Workload workload, SimulationOptions options) {}

    private List<Job> jobs(List<Double> targets, int heapBytes, long durationNanos) throws IOException {
        List<Job> jobs = new ArrayList<>();
        for (Path trace : traces) {
            TraceCache cache = TraceCache.decode(trace, clock.nanosPerCall());
            caches.add(cache);
            TraceSummary summary = cache.summary();
            double speed = ReplaySizing.defaultSpeed(summary.durationNanos(), PredictorConfig.DEFAULT_HORIZON_NANOS);
            TraceWorkload workload = new TraceWorkload(cache, speed, ReplayMarks.stressorDefaults());
            for (double target : targets) {
                int bytes = ReplaySizing.autoCapacityBytes(summary.peakLiveBytes(), target);
                jobs.add(new Job(
                        trace.getFileName() + " at " + Math.round(100 * target) + " %",
                        workload,
                        SimulationOptions.of(bytes, Math.max(1, workload.replayNanos()))));
            }
        }
        if (traces.isEmpty()) {
            for (double target : targets) {
                jobs.add(new Job(
                        workload.name() + " at " + Math.round(100 * target) + " %",
                        workload.workload(target, heapBytes),
                        SimulationOptions.of(heapBytes, durationNanos)));
            }
        }
        return jobs;
    }

    /** Runs {@code neural-cold} on every job and seed, keeping every label. */
    private TrainingSetRecorder record(List<Job> jobs, FeatureSet featureSet, PolicySpec policy, PrintWriter text) {
        TrainingSetRecorder recorder = new TrainingSetRecorder(featureSet);
        for (Job job : jobs) {
            Simulator simulator = new Simulator(job.options());
            for (int i = 0; i < seeds; i++) {
                simulator.run(job.workload(), policy, firstSeed + i, Probes.NONE.withLabels(recorder));
            }
            text.printf(
                    Locale.ROOT, "%s: %d seeds run, %d labelled samples so far%n", job.label(), seeds, recorder.size());
            text.flush();
        }
        return recorder;
    }

    /**
     * What the weights file records of how it was made: the command that reproduces it, with only
     * the options that took effect ({@code --duration}, {@code --heap} and {@code --workload} do
     * not with {@code --trace}), then {@value #SAMPLES_SEPARATOR} and the count of labelled samples
     * trained on, the same count this command prints.
     */
    private String origin(int heapBytes, int labelledSamples) {
        StringBuilder origin = new StringBuilder("mempred train --target " + TargetConverter.name(target));
        for (Path trace : traces) {
            origin.append(" --trace ").append(trace);
        }
        if (clock.nanosPerCall() != AospDumpReader.DEFAULT_NANOS_PER_CALL) {
            origin.append(" --clock ").append(clock.nanosPerCall());
        }
        if (traces.isEmpty() && !workload.name().equals(Workloads.STRESS)) {
            origin.append(" --workload ").append(workload.name());
        }
        origin.append(" --pressures ")
                .append(pressures.stream().map(Pressures::format).collect(Collectors.joining(",")));
        if (traces.isEmpty()) {
            origin.append(" --duration ").append(Durations.format(durationNanos));
        }
        origin.append(String.format(Locale.ROOT, " --seeds %d --first-seed %d --epochs %d", seeds, firstSeed, epochs));
        if (traces.isEmpty()) {
            origin.append(" --heap ").append(heapBytes);
        }
        return origin.append(SAMPLES_SEPARATOR)
                .append(samplesText(labelledSamples))
                .toString();
    }

    /** The decoded traces of this run (each read by every pressure and seed), deleted when it ends. */
    private final List<TraceCache> caches = new ArrayList<>();
    /** What separates the command from the count of labelled samples in a weights file's origin. */
    static final String SAMPLES_SEPARATOR = "; ";

    /** How the count of labelled samples reads, in this command's output and in the weights file. */
    static String samplesText(int labelledSamples) {
        return "trained on " + labelledSamples + " labelled samples";
    }

    /** Refuses the options that {@code --trace} replaces, so none is silently ignored. */
    private void checkTraceOptions() {
        if (traces.isEmpty()) {
            return;
        }
        var parsed = spec.commandLine().getParseResult();
        String[][] replaced = {
            {"--duration", "each trace replays for its own length, as mempred replay does by default"},
            {"--heap", "the heap is sized so each trace's peak sits at each of --pressures"},
            {"--workload", "the traces are the workload"}
        };
        for (String[] option : replaced) {
            if (parsed.hasMatchedOption(option[0])) {
                throw new IllegalArgumentException(
                        option[0] + " does not apply with --trace: " + option[1] + "; leave it out");
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        try {
            return train();
        } finally {
            caches.forEach(TraceCache::close);
            caches.clear();
        }
    }

    private int train() throws IOException {
        int heapBytes = heap.bytes();
        // The networks of the lab's policies: neural reads the volume set, neural-largest the demand set,
        // neural-peak the seed set.
        PredictorConfig base = switch (target) {
            case VOLUME -> PredictorConfig.DEFAULTS.forVolume();
            case DEMAND -> PredictorConfig.DEFAULTS.forDemand();
            case PEAK_PRESSURE -> PredictorConfig.DEFAULTS;
        };
        FeatureSet featureSet = base.featureSet();
        checkTraceOptions();
        for (Path trace : traces) {
            PathChecks.readableFile(trace, "--trace");
        }
        PathChecks.writableFile(out, "--out");
        PolicySpec policy = switch (target) {
            case VOLUME -> Policies.volume(Forecaster.NEURAL_COLD);
            case DEMAND -> Policies.demand(Forecaster.NEURAL_COLD);
            case PEAK_PRESSURE -> Policies.peak(Forecaster.NEURAL_COLD);
        };
        PrintWriter text = spec.commandLine().getOut();
        TrainingSetRecorder recorder = record(jobs(pressures, heapBytes, durationNanos), featureSet, policy, text);
        TrainingSet data = recorder.toTrainingSet();
        PredictorConfig config = base.withSeed(firstSeed);
        NeuralWeights start = NeuralPredictor.seededWeights(config);
        NeuralWeights trained = OfflineTrainer.train(data, config, epochs);
        WeightsFile.save(out, trained, origin(heapBytes, data.size()));
        text.printf(
                Locale.ROOT,
                "%s, %d epochs: mse %.6f (seeded start) -> %.6f%n",
                samplesText(data.size()),
                epochs,
                OfflineTrainer.meanSquaredError(start, data),
                OfflineTrainer.meanSquaredError(trained, data));
        text.println("wrote " + out);
        return 0;
    }
}
