package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.SyntheticSeries;
import org.mempred.predict.accuracy.BandAccuracy;
import org.mempred.predict.neural.NeuralLearningTest;
import org.mempred.telemetry.Sample;

/**
 * Scores every predictor on the synthetic series (second half, after warm-up) and prints the
 * figures, per band too; asserts only what holds by definition: the oracle is exact and
 * persistence has skill 0.
 */
class SyntheticScoresTest {
    private static final int TICKS = 20_000;

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"ramp, 1", "burst, 1"})
    void everyPredictorIsScoredTheSameWay(String series, long seed) {
        double[] pressures = series.equals("ramp")
                ? SyntheticSeries.rampPressures(TICKS)
                : SyntheticSeries.burstPressures(TICKS, seed);
        List<Sample> samples = SyntheticSeries.samples(pressures, seed);
        PredictorConfig config = PredictorConfig.DEFAULTS.withSeed(seed).withFuture(SyntheticSeries.future(samples));

        for (String name : Forecaster.labels()) {
            for (FeatureSet featureSet : FeatureSet.values()) {
                if (featureSet != FeatureSet.SEED && !name.equals(Forecaster.NEURAL.label())
                        || !Forecaster.byLabel(name).forecasts(org.mempred.predict.Target.PEAK_PRESSURE)
                        || featureSet == FeatureSet.VOLUME) {
                    continue;
                }
                BandAccuracy all = NeuralLearningTest.secondHalf(
                        Forecaster.byLabel(name).create(config.withFeatureSet(featureSet)), samples);
                print(series, seed, name + "/" + featureSet.id(), all);
                if (name.equals(Forecaster.ORACLE.label())) {
                    assertThat(all.meanSquaredError()).isZero();
                    assertThat(all.accuracy()).isEqualTo(1.0);
                }
                if (name.equals(Forecaster.PERSISTENCE.label())) {
                    assertThat(all.skill()).isZero();
                }
            }
        }
    }

    private static void print(String series, long seed, String predictor, BandAccuracy all) {
        System.out.printf(
                Locale.ROOT,
                "%-5s seed %d %-17s N=%d acc=%.3f FP=%.3f FN=%.3f MAE=%.4f RMSE=%.4f skill=%.3f%n",
                series,
                seed,
                predictor,
                all.count(),
                all.accuracy(),
                all.falsePositiveRate(),
                all.falseNegativeRate(),
                all.meanAbsoluteError(),
                all.rootMeanSquaredError(),
                all.skill());
    }
}
