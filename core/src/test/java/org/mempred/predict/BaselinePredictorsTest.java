package org.mempred.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.telemetry.Sample;

class BaselinePredictorsTest {
    private static final int CAPACITY = 100_000;
    private static final long SECOND = 1_000_000_000L;
    private static final double[] NO_FEATURES = new double[4];

    private static Sample sample(long timeNanos, int usedBytes, double allocBytesPerSecond) {
        return new Sample(
                timeNanos,
                CAPACITY,
                usedBytes,
                0,
                0,
                allocBytesPerSecond,
                0,
                0,
                0,
                0,
                org.mempred.telemetry.Requests.NONE,
                org.mempred.telemetry.ClassDemand.NONE);
    }

    @Test
    void persistencePredictsTheCurrentPressure() {
        Predictor persistence = Forecaster.byLabel("persistence").create(PredictorConfig.DEFAULTS);

        assertThat(persistence.predict(sample(SECOND, 73_000, 0), NO_FEATURES)).isEqualTo(0.73);
    }

    @Test
    void holtExtrapolatesTheSmoothedTrendOverTheHorizon() {
        HoltPredictor holt = new HoltPredictor(PredictorConfig.DEFAULTS, 0.5, 0.2);

        assertThat(holt.predict(sample(0, 40_000, 0), NO_FEATURES)).isEqualTo(0.40);
        // level = 0.5 * 0.5 + 0.5 * (0.4 + 0) = 0.45; trend = 0.2 * 0.05 / 1 s = 0.01 per s
        assertThat(holt.predict(sample(SECOND, 50_000, 0), NO_FEATURES)).isCloseTo(0.45 + 0.01 * 5, within(1e-12));
        // a falling series predicts the level: the supremum over (t, t + H]
        HoltPredictor falling = new HoltPredictor(PredictorConfig.DEFAULTS);
        falling.predict(sample(0, 60_000, 0), NO_FEATURES);
        assertThat(falling.predict(sample(SECOND, 40_000, 0), NO_FEATURES)).isCloseTo(0.50, within(1e-12));
    }

    @Test
    void holtSaturatesAtFullAndCountsEverySaturatedForecast() {
        HoltPredictor holt = new HoltPredictor(PredictorConfig.DEFAULTS);
        holt.predict(sample(0, 10_000, 0), NO_FEATURES);
        holt.predict(sample(SECOND, 50_000, 0), NO_FEATURES);

        // level 0.665, trend 0.105 per s: 0.665 + 5 * 0.105 = 1.19 saturates at 1
        double forecast = holt.predict(sample(2 * SECOND, 99_000, 0), NO_FEATURES);

        assertThat(forecast).isEqualTo(1.0);
        assertThat(holt.saturatedForecasts()).isEqualTo(1);
        assertThatThrownBy(() -> new HoltPredictor(PredictorConfig.DEFAULTS, 0, 0.5))
                .hasMessageContaining("alpha=0.0");
    }

    @Test
    void zgcPredictsExhaustionWhenTheConservativeRateFillsTheFreeSpaceWithinTheHorizon() {
        ZgcPredictor zgc = new ZgcPredictor(PredictorConfig.DEFAULTS, 2);

        // rates 1000 and 3000: avg 2000, population sd 1000, r = 2000 + 3.29 * 1000 = 5290 B/s
        zgc.predict(sample(0, 50_000, 1_000), NO_FEATURES);
        double q = zgc.predict(sample(SECOND, 50_000, 3_000), NO_FEATURES);
        assertThat(q).isCloseTo(0.5 + 5 * 5_290.0 / CAPACITY, within(1e-12));
        // 5290 B/s * 5 s > 20 000 free bytes: exhaustion within H, so q = 1
        assertThat(zgc.predict(sample(2 * SECOND, 80_000, 7_580), NO_FEATURES)).isEqualTo(1.0);
    }

    @Test
    void zgcWithoutAllocationPredictsTheCurrentPressure() {
        Predictor zgc = Forecaster.byLabel("zgc").create(PredictorConfig.DEFAULTS);

        assertThat(zgc.predict(sample(0, 30_000, 0), NO_FEATURES)).isEqualTo(0.30);
        assertThat(zgc.footprint().historyBytes()).isEqualTo(16 + 10 * 8);
        assertThatThrownBy(() -> new ZgcPredictor(PredictorConfig.DEFAULTS, 0)).hasMessageContaining("windowSamples=0");
    }

    @Test
    void oracleReadsOnlyTheFutureItWasGivenAndNeedsOne() {
        RecordedFuture future =
                new RecordedFuture(new long[] {0, SECOND, 3 * SECOND, 9 * SECOND}, new double[] {0.9, 0.2, 0.6, 0.99});
        Predictor oracle = Forecaster.byLabel("oracle").create(PredictorConfig.DEFAULTS.withFuture(future));

        assertThat(oracle.predict(sample(0, 90_000, 0), NO_FEATURES)).isEqualTo(0.6);
        assertThat(oracle.predict(sample(9 * SECOND, 99_000, 0), NO_FEATURES)).isNaN();
        assertThatThrownBy(() -> Forecaster.byLabel("oracle").create(PredictorConfig.DEFAULTS))
                .hasMessageContaining("predictor 'oracle' reads the true future");
    }

    @Test
    void recordedFuturePeaksCoverTheHalfOpenIntervalAfterT() {
        RecordedFuture future =
                new RecordedFuture(new long[] {0, 5, 5, 10, 20}, new double[] {0.9, 0.1, 0.3, 0.2, 0.8});

        assertThat(future.peak(0, 10)).isEqualTo(0.3);
        assertThat(future.peak(5, 5)).isEqualTo(0.2);
        assertThat(future.peak(4, 1)).isEqualTo(0.3);
        assertThat(future.peak(-1, 1)).isEqualTo(0.9);
        assertThat(future.peak(10, 5)).isNaN();
        assertThatThrownBy(() -> new RecordedFuture(new long[] {2, 1}, new double[] {0, 0}))
                .hasMessageContaining("timesNanos[1]=1 is before timesNanos[0]=2");
        assertThatThrownBy(() -> new RecordedFuture(new long[] {1}, new double[] {1.5}))
                .hasMessageContaining("pressures[0]=1.5");
        assertThatThrownBy(() -> new RecordedFuture(new long[] {1}, new double[0]))
                .hasMessageContaining("differs");
    }

    @Test
    void theRegistryRejectsUnknownNamesListingTheValidOnes() {
        assertThatThrownBy(() -> Forecaster.byLabel("lstm").create(PredictorConfig.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown predictor 'lstm'; valid names: persistence, holt, zgc, croston, neural, neural-cold, oracle");
    }

    @Test
    void predictionChecksClassifyEveryKindOfInvalidOutput() {
        assertThat(PredictionCheck.of(0.0)).isEqualTo(PredictionCheck.VALID);
        assertThat(PredictionCheck.of(1.0)).isEqualTo(PredictionCheck.VALID);
        assertThat(PredictionCheck.of(Math.nextUp(1.0))).isEqualTo(PredictionCheck.ABOVE_ONE);
        assertThat(PredictionCheck.of(-Double.MIN_VALUE)).isEqualTo(PredictionCheck.BELOW_ZERO);
        assertThat(PredictionCheck.of(Double.NaN)).isEqualTo(PredictionCheck.NAN);
        assertThat(PredictionCheck.of(Double.NEGATIVE_INFINITY)).isEqualTo(PredictionCheck.INFINITE);
        assertThat(PredictionCheck.NAN.isValid()).isFalse();
    }

    @Test
    void configurationPreconditionsNameTheirValues() {
        assertThatThrownBy(() -> PredictorConfig.DEFAULTS.withHorizonNanos(0)).hasMessageContaining("horizonNanos=0");
        assertThatThrownBy(() -> PredictorConfig.DEFAULTS.withFeatureSet(null)).hasMessageContaining("featureSet=null");
        assertThat(PredictorConfig.DEFAULTS.withHorizonNanos(7).horizonNanos()).isEqualTo(7);
        assertThatThrownBy(() -> new Footprint(-1, 0, 0)).hasMessageContaining("weightsBytes=-1");
    }
}
