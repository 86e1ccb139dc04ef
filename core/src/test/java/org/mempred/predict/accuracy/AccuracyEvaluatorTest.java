package org.mempred.predict.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccuracyEvaluatorTest {
    private static final double EPSILON = 1e-12;

    @Test
    void countsTheFourOutcomesAgainstTheThresholdWithPositiveMeaningAtOrAbove() {
        AccuracyEvaluator evaluator = new AccuracyEvaluator(0.90);

        evaluator.observe(0.80, 0.90, 0.95); // TP: q = θ counts as positive
        evaluator.observe(0.80, 0.50, 0.60); // TN
        evaluator.observe(0.80, 0.95, 0.89); // FP
        evaluator.observe(0.80, 0.89, 0.90); // FN: y = θ counts as positive
        evaluator.observe(0.80, 0.10, 0.20); // TN

        BandAccuracy all = evaluator.report().overall();
        assertThat(all.truePositives()).isEqualTo(1);
        assertThat(all.trueNegatives()).isEqualTo(2);
        assertThat(all.falsePositives()).isEqualTo(1);
        assertThat(all.falseNegatives()).isEqualTo(1);
        assertThat(all.count()).isEqualTo(5);
        assertThat(all.accuracy()).isCloseTo(3.0 / 5, within(EPSILON));
        assertThat(all.falsePositiveRate()).isCloseTo(1.0 / 5, within(EPSILON));
        assertThat(all.falseNegativeRate()).isCloseTo(1.0 / 5, within(EPSILON));
    }

    @Test
    void errorsAndSkillCompareWithPersistenceWhichPredictsTheCurrentPressure() {
        AccuracyEvaluator evaluator = new AccuracyEvaluator();

        evaluator.observe(0.50, 0.70, 0.80); // model error -0.1, persistence error -0.3
        evaluator.observe(0.60, 0.60, 0.40); // model error +0.2, persistence error +0.2

        BandAccuracy all = evaluator.report().overall();
        assertThat(all.meanAbsoluteError()).isCloseTo((0.1 + 0.2) / 2, within(EPSILON));
        assertThat(all.meanSquaredError()).isCloseTo((0.01 + 0.04) / 2, within(EPSILON));
        assertThat(all.rootMeanSquaredError()).isCloseTo(Math.sqrt(0.025), within(EPSILON));
        assertThat(all.persistenceMeanSquaredError()).isCloseTo((0.09 + 0.04) / 2, within(EPSILON));
        assertThat(all.skill()).isCloseTo(1.0 - 0.05 / 0.13, within(EPSILON));
    }

    @Test
    void bandsFollowTheCurrentPressureNotThePrediction() {
        AccuracyEvaluator evaluator = new AccuracyEvaluator();

        evaluator.observe(0.0, 0.99, 0.99);
        evaluator.observe(0.4999, 0.1, 0.1);
        evaluator.observe(0.50, 0.1, 0.1);
        evaluator.observe(0.75, 0.1, 0.1);
        evaluator.observe(0.90, 0.1, 0.1);
        evaluator.observe(0.9499, 0.1, 0.1);
        evaluator.observe(0.95, 0.1, 0.1);
        evaluator.observe(1.0, 0.1, 0.1);

        AccuracyReport report = evaluator.report();
        assertThat(report.band(PressureBand.P0_50).count()).isEqualTo(2);
        assertThat(report.band(PressureBand.P50_75).count()).isEqualTo(1);
        assertThat(report.band(PressureBand.P75_90).count()).isEqualTo(1);
        assertThat(report.band(PressureBand.P90_95).count()).isEqualTo(2);
        assertThat(report.band(PressureBand.P95_100).count()).isEqualTo(2);
        assertThat(report.overall().count()).isEqualTo(8);
        assertThat(report.band(PressureBand.P0_50).truePositives()).isEqualTo(1);
        assertThat(PressureBand.P90_95.lowerPressure()).isEqualTo(0.90);
        assertThat(PressureBand.P90_95.upperPressure()).isEqualTo(0.95);
        assertThat(report.bands())
                .extracting(BandAccuracy::band)
                .containsExactly("0-50%", "50-75%", "75-90%", "90-95%", "95-100%");
    }

    @Test
    void aPerfectPredictorHasSkillOneAndPersistenceHasSkillZero() {
        AccuracyEvaluator perfect = new AccuracyEvaluator();
        AccuracyEvaluator persistence = new AccuracyEvaluator();
        double[][] cases = {{0.2, 0.6}, {0.91, 0.97}, {0.5, 0.3}};
        for (double[] c : cases) {
            perfect.observe(c[0], c[1], c[1]);
            persistence.observe(c[0], c[0], c[1]);
        }

        assertThat(perfect.report().overall().skill()).isEqualTo(1.0);
        assertThat(persistence.report().overall().skill()).isEqualTo(0.0);
    }

    @Test
    void emptyBandsAndErrorFreePersistenceGiveNaNRatherThanInventedNumbers() {
        AccuracyEvaluator evaluator = new AccuracyEvaluator();
        evaluator.observe(0.3, 0.3, 0.3);

        AccuracyReport report = evaluator.report();
        assertThat(report.band(PressureBand.P95_100).accuracy()).isNaN();
        assertThat(report.band(PressureBand.P95_100).meanSquaredError()).isNaN();
        assertThat(report.overall().skill()).isNaN();
    }

    @Test
    void invalidPredictionsAreCountedApartAndNotScored() {
        AccuracyEvaluator evaluator = new AccuracyEvaluator();

        evaluator.observe(0.5, Double.NaN, 0.5);
        evaluator.observe(0.5, 1.2, 0.5);
        evaluator.observe(0.5, Double.NEGATIVE_INFINITY, 0.5);
        evaluator.observe(0.5, 0.5, 0.5);

        assertThat(evaluator.report().invalidPredictions()).isEqualTo(3);
        assertThat(evaluator.report().overall().count()).isEqualTo(1);
    }

    @Test
    void asAListenerItScoresThePressureAtPredictionThePredictionAndTheLabel() {
        AccuracyEvaluator evaluator = new AccuracyEvaluator();

        evaluator.onLabel(0, 0.92, 0.90, 0.92, 0.95, 0.97, new double[0]);

        AccuracyReport report = evaluator.report();
        assertThat(report.band(PressureBand.P90_95).truePositives()).isEqualTo(1);
        assertThat(report.thresholdPressure()).isEqualTo(0.90);
    }

    @Test
    void resetForgetsEverything() {
        AccuracyEvaluator evaluator = new AccuracyEvaluator();
        evaluator.observe(0.5, 0.6, 0.7);
        evaluator.observe(0.5, Double.NaN, 0.7);

        evaluator.reset();

        assertThat(evaluator.report().overall().count()).isZero();
        assertThat(evaluator.report().invalidPredictions()).isZero();
    }

    @Test
    void rejectsPressuresOutsideTheUnitInterval() {
        AccuracyEvaluator evaluator = new AccuracyEvaluator();

        assertThatThrownBy(() -> evaluator.observe(1.1, 0.5, 0.5)).hasMessageContaining("pressure=1.1");
        assertThatThrownBy(() -> evaluator.observe(0.5, 0.5, -0.1)).hasMessageContaining("actualPeak=-0.1");
        assertThatThrownBy(() -> new AccuracyEvaluator(2.0)).hasMessageContaining("thresholdPressure=2.0");
    }
}
