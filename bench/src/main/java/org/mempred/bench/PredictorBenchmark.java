package org.mempred.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.neural.NeuralPredictor;
import org.mempred.telemetry.Sample;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the {@code neural} predictor's two hot operations, for the n→8→1 network ({@code seed}:
 * 4 inputs, 49 parameters, about 60 multiply-adds per forward pass; {@code rich}: 6 inputs).
 *
 * <ul>
 *   <li>{@link #predict}: standardise the inputs, forward pass, sigmoid, EMA smoothing.
 *   <li>{@link #trainStep}: normaliser update, forward pass, closed-form gradient norm and clipping,
 *       SGD update, weight-health check.
 * </ul>
 *
 * <p>Inputs cycle through 64 precomputed random feature vectors so that nothing is constant-folded;
 * results are returned (predict) or kept in the predictor's state (train). Run with {@code -prof
 * gc} to check the 0 B/op claim: {@code java -jar bench/target/benchmarks.jar PredictorBenchmark
 * -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PredictorBenchmark {
    private static final int VECTORS = 64;

    /** Feature set by name: input width 4 ({@code seed}) or 6 ({@code rich}). */
    @Param({"seed", "rich"})
    public String featureSet;

    private NeuralPredictor predictor;
    private Sample sample;
    private double[][] features;
    private double[] labels;
    private int next;

    /** Builds a seeded predictor and warms its normaliser on the input vectors. */
    @Setup
    public void setUp() {
        FeatureSet set = FeatureSet.byName(featureSet);
        predictor = new NeuralPredictor(PredictorConfig.DEFAULTS.withFeatureSet(set));
        sample = new Sample(
                1_000_000_000L,
                102_400,
                76_800,
                12_288,
                9,
                20_480.0,
                80.0,
                18_432.0,
                72.0,
                3,
                org.mempred.telemetry.Requests.NONE,
                org.mempred.telemetry.ClassDemand.NONE);
        SplittableRandom random = new SplittableRandom(42);
        features = new double[VECTORS][set.width()];
        labels = new double[VECTORS];
        for (int v = 0; v < VECTORS; v++) {
            for (int i = 0; i < set.width(); i++) {
                features[v][i] = random.nextDouble();
            }
            labels[v] = 0.5 + 0.5 * random.nextDouble();
            predictor.learn(features[v], labels[v]);
        }
    }

    /** One prediction. */
    @Benchmark
    public double predict() {
        int v = next++ & (VECTORS - 1);
        return predictor.predict(sample, features[v]);
    }

    /** One online SGD step from a labelled example. */
    @Benchmark
    public void trainStep() {
        int v = next++ & (VECTORS - 1);
        predictor.learn(features[v], labels[v]);
    }
}
