package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.predict.FeatureExtractor;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.Footprint;
import org.mempred.predict.PredictionCheck;
import org.mempred.predict.PredictionLoop;
import org.mempred.predict.Predictor;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.SyntheticSeries;
import org.mempred.predict.Target;
import org.mempred.telemetry.Sample;

/**
 * The contract every {@link Predictor} passes (see its Javadoc), run against every registered
 * name and every feature set, like JCTools' {@code QueueSanityTest}.
 */
class PredictorContractTest {
    private static final List<Sample> SERIES = SyntheticSeries.samples(SyntheticSeries.burstPressures(2_000, 7), 7);

    static Stream<Arguments> predictors() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (Forecaster forecaster : Forecaster.values()) {
            for (Target target : Target.values()) {
                if (!forecaster.forecasts(target)) {
                    continue;
                }
                switch (target) {
                    case VOLUME -> all.add(Arguments.of(forecaster.label(), FeatureSet.VOLUME, target));
                    case DEMAND -> all.add(Arguments.of(forecaster.label(), FeatureSet.DEMAND, target));
                    default -> {
                        all.add(Arguments.of(forecaster.label(), FeatureSet.SEED, target));
                        all.add(Arguments.of(forecaster.label(), FeatureSet.RICH, target));
                    }
                }
            }
        }
        return all.build();
    }

    static Predictor create(String name, FeatureSet featureSet, Target target) {
        PredictorConfig config = PredictorConfig.DEFAULTS
                .withTarget(target)
                .withFeatureSet(featureSet)
                .withSeed(11)
                .withFuture(SyntheticSeries.future(SERIES));
        return Forecaster.byLabel(name).create(config);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("predictors")
    void identifiesItselfByItsRegistryNameAndConfiguration(String name, FeatureSet featureSet, Target target) {
        Predictor predictor = create(name, featureSet, target);

        assertThat(predictor.name())
                .isEqualTo(name.equals(Forecaster.NEURAL_COLD.label()) ? Forecaster.NEURAL.label() : name);
        assertThat(predictor.featureSet()).isEqualTo(featureSet);
        assertThat(predictor.horizonNanos()).isEqualTo(PredictorConfig.DEFAULT_HORIZON_NANOS);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("predictors")
    void predictsAValidPressureForEveryFullyObservedSample(String name, FeatureSet featureSet, Target target) {
        List<Double> predictions = run(create(name, featureSet, target), target);

        int observed = predictions.size() - (int) (PredictorConfig.DEFAULT_HORIZON_NANOS / SyntheticSeries.TICK_NANOS);
        for (int i = 0; i < observed; i++) {
            assertThat(PredictionCheck.of(predictions.get(i)))
                    .as("prediction %d = %s", i, predictions.get(i))
                    .isEqualTo(PredictionCheck.VALID);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("predictors")
    void isDeterministicForAGivenConfiguration(String name, FeatureSet featureSet, Target target) {
        assertThat(run(create(name, featureSet, target), target))
                .isEqualTo(run(create(name, featureSet, target), target));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("predictors")
    void rejectsLabelsOutsideTheUnitIntervalAndShortFeatureArrays(String name, FeatureSet featureSet, Target target) {
        Predictor predictor = create(name, featureSet, target);
        double[] features = new double[featureSet.width()];

        assertThatThrownBy(() -> predictor.learn(features, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("peakPressure=1.5");
        assertThatThrownBy(() -> predictor.learn(features, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("peakPressure=NaN");
        assertThatThrownBy(() -> predictor.predict(SERIES.get(0), new double[featureSet.width() - 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("features.length=" + (featureSet.width() - 1));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("predictors")
    void reportsAFootprintComputedFromItsArrays(String name, FeatureSet featureSet, Target target) {
        Footprint footprint = create(name, featureSet, target).footprint();

        assertThat(footprint.totalBytes())
                .isEqualTo(footprint.weightsBytes() + footprint.optimiserStateBytes() + footprint.historyBytes());
        assertThat(footprint.totalBytes() % 8).isZero();
        if (name.equals(Forecaster.NEURAL.label())) {
            assertThat(footprint.weightsBytes()).isPositive();
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("predictors")
    void predictAndLearnAllocateNothingOnceWarm(String name, FeatureSet featureSet, Target target) {
        Predictor predictor = create(name, featureSet, target);
        Sample[] samples = SERIES.toArray(new Sample[0]);
        double[][] extracted = new double[samples.length][featureSet.width()];
        FeatureExtractor extractor = new FeatureExtractor(featureSet, predictor.horizonNanos());
        for (int i = 0; i < samples.length; i++) {
            extractor.extract(samples[i], extracted[i]);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int half = samples.length / 2;
        exercise(predictor, samples, extracted, 0, half);
        // The least of three passes: a one-off event of the JIT (a deoptimisation re-materialising a
        // scalar-replaced object) may allocate a few bytes once; garbage per call would show in all three.
        long allocated = Long.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            exercise(predictor, samples, extracted, half, samples.length);
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertThat(allocated)
                .as("bytes allocated by %d predict+learn calls", samples.length - half)
                .isLessThan(256);
    }

    private static void exercise(Predictor predictor, Sample[] samples, double[][] extracted, int from, int to) {
        for (int i = from; i < to; i++) {
            predictor.predict(samples[i], extracted[i]);
            predictor.learn(extracted[i], samples[i].pressure());
        }
    }

    private static List<Double> run(Predictor predictor, Target target) {
        PredictionLoop loop = new PredictionLoop(
                predictor, PredictionLoop.DEFAULT_HISTORY_CAPACITY, org.mempred.predict.LabelListener.NONE, target);
        List<Double> predictions = new ArrayList<>();
        for (Sample sample : SERIES) {
            predictions.add(loop.step(sample));
        }
        return predictions;
    }
}
