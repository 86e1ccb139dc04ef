package org.mempred.predict;

/**
 * Receives each delayed label from {@link DelayedLabeler}: the prediction made at {@code
 * predictedAtNanos} and the largest value of its target actually observed over the horizon after it.
 * Implementations must not keep {@code features}: it is the labeler's scratch array, reused for
 * the next label.
 */
@FunctionalInterface
public interface LabelListener {
    /** A listener that ignores every label. */
    LabelListener NONE =
            (predictedAtNanos, pressureAtPrediction, threshold, reference, prediction, peakPressure, features) -> {};

    /**
     * One label.
     *
     * @param predictedAtNanos clock time t of the prediction
     * @param pressureAtPrediction pressure p at t (which accuracy band the prediction falls in)
     * @param threshold θ at t: a forecast or label at or above it is positive (see {@link Target})
     * @param reference persistence's forecast at t, against which skill is measured
     * @param prediction what the predictor returned at t, possibly invalid
     * @param peakPressure the label: the largest observation of the target in (t, t + H]
     * @param features the features the predictor read at t
     */
    void onLabel(
            long predictedAtNanos,
            double pressureAtPrediction,
            double threshold,
            double reference,
            double prediction,
            double peakPressure,
            double[] features);
}
