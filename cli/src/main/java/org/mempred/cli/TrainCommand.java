package org.mempred.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mempred.govern.Policies;
import org.mempred.lab.sim.SimulationOptions;
import org.mempred.lab.sim.Simulator;
import org.mempred.lab.workload.StressWorkload;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralPredictor;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.OfflineTrainer;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.TrainingSet;
import org.mempred.predict.TrainingSetRecorder;
import org.mempred.predict.WeightsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mempred train}: produces pre-trained weights for the neural predictor from lab runs.
 *
 * <p>For every target pressure and seed it simulates the stressor with the {@code neural-cold}
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
            split = ",",
            defaultValue = "50,75,85,95,98",
            description = "Target pressures of the stressor runs (default: ${DEFAULT-VALUE}).")
    private List<String> pressures;

    @Option(
            names = "--duration",
            defaultValue = "10m",
            description = "Virtual length of each run (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--seeds", defaultValue = "4", description = "Runs per pressure (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(
            names = "--first-seed",
            defaultValue = "1001",
            description = "First seed; experiments use 1, 2, ... so keep these apart (default: ${DEFAULT-VALUE}).")
    private long firstSeed;

    @Option(
            names = "--epochs",
            defaultValue = "20",
            description = "Offline passes over the samples (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--heap", defaultValue = "100KiB", description = "Heap capacity (default: ${DEFAULT-VALUE}).")
    private String heap;

    /** Runs {@code neural-cold} on the stressor at every target and seed, keeping every label. */
    private TrainingSetRecorder record(
            List<Double> targets, int heapBytes, long durationNanos, FeatureSet featureSet, PrintWriter text) {
        TrainingSetRecorder recorder = new TrainingSetRecorder(featureSet);
        SimulationOptions options = SimulationOptions.of(heapBytes, durationNanos);
        Simulator simulator = new Simulator(options);
        for (double target : targets) {
            for (int i = 0; i < seeds; i++) {
                simulator.run(
                        StressWorkload.kernel(target, heapBytes),
                        Policies.NEURAL_COLD,
                        firstSeed + i,
                        null,
                        null,
                        recorder);
            }
            text.printf(
                    Locale.ROOT,
                    "pressure %.2f: %d seeds run, %d labelled samples so far%n",
                    target,
                    seeds,
                    recorder.size());
            text.flush();
        }
        return recorder;
    }

    @Override
    public Integer call() throws IOException {
        int heapBytes = Sizes.parseBytes(heap, "--heap");
        long durationNanos = Durations.parseNanos(duration, "--duration");
        if (seeds < 1 || epochs < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--seeds=" + seeds + " and --epochs=" + epochs + " must be at least 1");
        }
        List<Double> targets = new ArrayList<>();
        for (String p : pressures) {
            targets.add(Pressures.parse(p, "--pressures"));
        }
        FeatureSet featureSet = PredictorConfig.DEFAULTS.featureSet(); // the lab's runs use the default set
        PrintWriter text = spec.commandLine().getOut();
        TrainingSetRecorder recorder = record(targets, heapBytes, durationNanos, featureSet, text);
        TrainingSet data = recorder.toTrainingSet();
        PredictorConfig config =
                PredictorConfig.DEFAULTS.withFeatureSet(featureSet).withSeed(firstSeed);
        NeuralWeights start = NeuralPredictor.seededWeights(config);
        NeuralWeights trained = OfflineTrainer.train(data, config, epochs);
        String origin = String.format(
                Locale.ROOT,
                "mempred train --pressures %s --duration %s" + " --seeds %d --first-seed %d --epochs %d --heap %d",
                String.join(",", pressures),
                duration,
                seeds,
                firstSeed,
                epochs,
                heapBytes);
        WeightsFile.save(out, trained, origin);
        text.printf(
                Locale.ROOT,
                "trained on %d labelled samples, %d epochs: mse %.6f (seeded start) -> %.6f%n",
                data.size(),
                epochs,
                OfflineTrainer.meanSquaredError(start, data),
                OfflineTrainer.meanSquaredError(trained, data));
        text.println("wrote " + out);
        return 0;
    }
}
