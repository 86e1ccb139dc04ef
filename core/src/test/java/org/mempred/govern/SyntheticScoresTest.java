package org.mempred.govern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.SyntheticSeries;
import org.mempred.predict.Target;
import org.mempred.predict.accuracy.BandAccuracy;
import org.mempred.predict.neural.NeuralLearningTest;
import org.mempred.telemetry.Sample;

/**
 * Every predictor scored on the synthetic series (second half, after warm-up) the same way, and
 * the relations its design implies: the oracle is exact and persistence has skill 0 (by
 * definition); on a steady ramp the trend-following {@code holt} errs less than persistence; the
 * {@code zgc} rule (mean × 2 + 3.29 sd) trades misses for false alarms; the online-trained
 * {@code neural} predictor beats persistence once warmed up; and a score is a function of the seed.
 */
class SyntheticScoresTest {
    /** The forecasters of peak pressure, the target these synthetic pressure series have. */
    private static final List<String> PEAK_FORECASTERS = Arrays.stream(Forecaster.values())
            .filter(forecaster -> forecaster.forecasts(Target.PEAK_PRESSURE))
            .map(Forecaster::label)
            .toList();
    /** Every feature set but volume's, which describes request volumes these series do not have. */
    private static final Set<FeatureSet> PEAK_FEATURE_SETS = EnumSet.complementOf(EnumSet.of(FeatureSet.VOLUME));

    private static final int TICKS = 20_000;

    private static List<Sample> samples(String series, long seed) {
        double[] pressures = series.equals("ramp")
                ? SyntheticSeries.rampPressures(TICKS)
                : SyntheticSeries.burstPressures(TICKS, seed);
        return SyntheticSeries.samples(pressures, seed);
    }

    private static BandAccuracy score(String name, FeatureSet featureSet, List<Sample> samples, long seed) {
        PredictorConfig config = PredictorConfig.DEFAULTS
                .withSeed(seed)
                .withFuture(SyntheticSeries.future(samples))
                .withFeatureSet(featureSet);
        return NeuralLearningTest.secondHalf(Forecaster.byLabel(name).create(config), samples);
    }

    private static BandAccuracy score(String name, List<Sample> samples, long seed) {
        return score(name, FeatureSet.SEED, samples, seed);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"ramp, 1", "burst, 1", "burst, 2"})
    void everyPredictorIsScoredOnEveryLabelAndTheDefinitionsHold(String series, long seed) {
        List<Sample> samples = samples(series, seed);
        for (String name : PEAK_FORECASTERS) {
            BandAccuracy all = score(name, samples, seed);
            assertThat(all.count()).as(name).isEqualTo(TICKS / 2);
            assertThat(all.accuracy()).as(name).isBetween(0.0, 1.0);
        }
        BandAccuracy oracle = score(Forecaster.ORACLE.label(), samples, seed);
        assertThat(oracle.meanSquaredError()).isZero();
        assertThat(oracle.accuracy()).isEqualTo(1.0);
        assertThat(score(Forecaster.PERSISTENCE.label(), samples, seed).skill()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ramp", "burst"})
    void aScoreIsAFunctionOfTheSeed(String series) {
        for (String name : PEAK_FORECASTERS) {
            for (FeatureSet featureSet : PEAK_FEATURE_SETS) {
                assertThat(score(name, featureSet, samples(series, 3), 3))
                        .as("%s/%s", name, featureSet.id())
                        .isEqualTo(score(name, featureSet, samples(series, 3), 3));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void onASteadyRampTheTrendFollowerErrsLessThanPersistence(long seed) {
        List<Sample> ramp = samples("ramp", seed);
        BandAccuracy holt = score(Forecaster.HOLT.label(), ramp, seed);
        BandAccuracy persistence = score(Forecaster.PERSISTENCE.label(), ramp, seed);
        assertThat(holt.meanAbsoluteError()).isLessThan(persistence.meanAbsoluteError());
        assertThat(holt.skill()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ramp", "burst"})
    void zgcsHeadroomTradesMissesForFalseAlarms(String series) {
        List<Sample> samples = samples(series, 1);
        BandAccuracy zgc = score(Forecaster.ZGC.label(), samples, 1);
        BandAccuracy persistence = score(Forecaster.PERSISTENCE.label(), samples, 1);
        assertThat(zgc.falseNegativeRate()).isLessThan(persistence.falseNegativeRate());
        assertThat(zgc.falsePositiveRate()).isGreaterThan(persistence.falsePositiveRate());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ramp", "burst"})
    void theOnlineNetworkBeatsPersistenceOnceWarmedUp(String series) {
        List<Sample> samples = samples(series, 1);
        for (FeatureSet featureSet : PEAK_FEATURE_SETS) {
            assertThat(score(Forecaster.NEURAL.label(), featureSet, samples, 1).skill())
                    .as(featureSet.id())
                    .isPositive();
        }
    }
}
