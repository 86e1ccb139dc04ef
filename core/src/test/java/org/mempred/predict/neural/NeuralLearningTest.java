package org.mempred.predict.neural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.PredictionLoop;
import org.mempred.predict.Predictor;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.SyntheticSeries;
import org.mempred.predict.accuracy.AccuracyEvaluator;
import org.mempred.predict.accuracy.BandAccuracy;
import org.mempred.telemetry.Sample;

/**
 * Learning sanity: on synthetic series with fixed seeds, the online network, fed only delayed
 * labels, ends with a lower MSE than persistence over the second half of the run (the first half
 * is warm-up). A behaviour test: if it fails, the model or the features are wrong.
 */
public class NeuralLearningTest {
    private static final int TICKS = 20_000;

    static Stream<Arguments> runs() {
        Stream.Builder<Arguments> runs = Stream.builder();
        for (String series : List.of("ramp", "burst")) {
            // the volume inputs describe request volumes, which these pressure series do not have
            for (FeatureSet featureSet : java.util.EnumSet.complementOf(java.util.EnumSet.of(FeatureSet.VOLUME))) {
                for (long seed = 1; seed <= 3; seed++) {
                    runs.add(Arguments.of(series, featureSet, seed));
                }
            }
        }
        return runs.build();
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("runs")
    void neuralBeatsPersistenceAfterWarmUp(String series, FeatureSet featureSet, long seed) {
        double[] pressures = series.equals("ramp")
                ? SyntheticSeries.rampPressures(TICKS)
                : SyntheticSeries.burstPressures(TICKS, seed);
        List<Sample> samples = SyntheticSeries.samples(pressures, seed);
        PredictorConfig config =
                PredictorConfig.DEFAULTS.withFeatureSet(featureSet).withSeed(seed);

        BandAccuracy scored = secondHalf(new NeuralPredictor(config), samples);

        System.out.printf(
                Locale.ROOT,
                "neural %s %s seed %d: N=%d MSE neural=%.5f persistence=%.5f skill=%.3f accuracy=%.3f%n",
                series,
                featureSet.id(),
                seed,
                scored.count(),
                scored.meanSquaredError(),
                scored.persistenceMeanSquaredError(),
                scored.skill(),
                scored.accuracy());
        assertThat(scored.meanSquaredError())
                .as("MSE of neural vs persistence, %s %s seed %d", series, featureSet.id(), seed)
                .isLessThan(scored.persistenceMeanSquaredError());
    }

    /** Runs the predictor over all samples and scores only the labels of the second half. */
    public static BandAccuracy secondHalf(Predictor predictor, List<Sample> samples) {
        AccuracyEvaluator evaluator = new AccuracyEvaluator();
        PredictionLoop loop = new PredictionLoop(predictor, PredictionLoop.DEFAULT_HISTORY_CAPACITY, evaluator);
        for (int i = 0; i < samples.size(); i++) {
            if (i == samples.size() / 2) {
                evaluator.reset();
            }
            loop.step(samples.get(i));
        }
        // only the oracle may be invalid, once: nothing is known after the last sample
        assertThat(loop.invalidPredictions()).isEqualTo(predictor.name().equals(Forecaster.ORACLE.label()) ? 1 : 0);
        return evaluator.report().overall();
    }
}
