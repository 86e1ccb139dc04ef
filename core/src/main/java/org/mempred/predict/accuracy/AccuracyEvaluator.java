package org.mempred.predict.accuracy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mempred.predict.Checks;
import org.mempred.predict.LabelListener;
import org.mempred.predict.PredictionCheck;
import org.mempred.predict.PredictionLoop;
import org.mempred.predict.Target;

/**
 * Scores predictions exactly as docs/design.md "Definitions" defines: at each labelled prediction with
 * current pressure p, predicted peak q and actual peak y, positive means ≥ θ; the confusion counts
 * come from (q ≥ θ, y ≥ θ); MAE, RMSE and skill = 1 − MSE(model)/MSE(persistence), where
 * persistence predicts p. Reported overall and per {@link PressureBand} of p.
 *
 * <p>Use as the observer of a {@link PredictionLoop}: it sees exactly the labels the learner
 * sees. A prediction that {@link PredictionCheck} finds invalid is not scored (it would be
 * discarded by the governor) but counted, and the count is part of the report.
 *
 * <p>Layout: one slot per band plus one overall slot ({@code OVERALL}) in parallel primitive
 * arrays of counts and error sums. {@link #onLabel} is O(1) and allocates nothing; {@link
 * #report()} builds the immutable result.
 */
public final class AccuracyEvaluator implements LabelListener {
    private static final int OVERALL = PressureBand.values().length;
    private static final int TP = 0;
    private static final int TN = 1;
    private static final int FP = 2;
    private static final int FN = 3;

    private final double thresholdPressure;
    private final long[] confusion = new long[(OVERALL + 1) * 4];
    private final double[] absoluteErrors = new double[OVERALL + 1];
    private final double[] squaredErrors = new double[OVERALL + 1];
    private final double[] persistenceSquaredErrors = new double[OVERALL + 1];
    private long invalidPredictions;

    /** An evaluator with the definition's θ for peak pressure, {@link Target#PEAK_THRESHOLD}. */
    public AccuracyEvaluator() {
        this(Target.PEAK_THRESHOLD);
    }

    /** An evaluator with threshold {@code thresholdPressure} in [0, 1]. */
    public AccuracyEvaluator(double thresholdPressure) {
        Checks.requirePressure("thresholdPressure", thresholdPressure);
        this.thresholdPressure = thresholdPressure;
    }

    @Override
    public void onLabel(
            long predictedAtNanos,
            double pressureAtPrediction,
            double threshold,
            double reference,
            double prediction,
            double peakPressure,
            double[] features) {
        observe(pressureAtPrediction, threshold, reference, prediction, peakPressure);
    }

    /** Scores one prediction: current pressure p, predicted peak q, actual peak y, at this θ. */
    public void observe(double pressure, double predictedPeak, double actualPeak) {
        observe(pressure, thresholdPressure, pressure, predictedPeak, actualPeak);
    }

    /**
     * Scores one prediction at threshold θ with persistence's forecast {@code reference}: pressure
     * p (for the band), forecast q, actual y.
     */
    public void observe(double pressure, double threshold, double reference, double predictedPeak, double actualPeak) {
        Checks.requirePressure("pressure", pressure);
        Checks.requirePressure("actualPeak", actualPeak);
        if (!PredictionCheck.of(predictedPeak).isValid()) {
            invalidPredictions++;
            return;
        }
        int outcome =
                predictedPeak >= threshold ? (actualPeak >= threshold ? TP : FP) : (actualPeak >= threshold ? FN : TN);
        double error = predictedPeak - actualPeak;
        double persistenceError = reference - actualPeak;
        tally(PressureBand.of(pressure).ordinal(), outcome, error, persistenceError);
        tally(OVERALL, outcome, error, persistenceError);
    }

    private void tally(int slot, int outcome, double error, double persistenceError) {
        confusion[slot * 4 + outcome]++;
        absoluteErrors[slot] += Math.abs(error);
        squaredErrors[slot] += error * error;
        persistenceSquaredErrors[slot] += persistenceError * persistenceError;
    }

    /** Forgets everything scored so far, e.g. at the end of a warm-up. */
    public void reset() {
        Arrays.fill(confusion, 0L);
        Arrays.fill(absoluteErrors, 0.0);
        Arrays.fill(squaredErrors, 0.0);
        Arrays.fill(persistenceSquaredErrors, 0.0);
        invalidPredictions = 0;
    }

    /** The figures so far. */
    public AccuracyReport report() {
        List<BandAccuracy> bands = new ArrayList<>();
        for (PressureBand band : PressureBand.values()) {
            bands.add(figures(band.ordinal(), band.label()));
        }
        return new AccuracyReport(thresholdPressure, figures(OVERALL, "all"), bands, invalidPredictions);
    }

    private BandAccuracy figures(int slot, String label) {
        int base = slot * 4;
        long n = confusion[base + TP] + confusion[base + TN] + confusion[base + FP] + confusion[base + FN];
        return new BandAccuracy(
                label,
                confusion[base + TP],
                confusion[base + TN],
                confusion[base + FP],
                confusion[base + FN],
                absoluteErrors[slot] / n,
                squaredErrors[slot] / n,
                persistenceSquaredErrors[slot] / n);
    }
}
