package org.mempred.predict;

/**
 * Receives each delayed label from {@link DelayedLabeler}: the prediction made at {@code
 * predictedAtNanos} and the peak pressure actually observed over the horizon after it.
 * Implementations must not keep {@code features}: it is the labeler's scratch array, reused for
 * the next label.
 */
@FunctionalInterface
public interface LabelListener {
    /** A listener that ignores every label. */
    LabelListener NONE = (predictedAtNanos, pressureAtPrediction, prediction, peakPressure, features) -> {};

    /**
     * One label.
     *
     * @param predictedAtNanos clock time t of the prediction
     * @param pressureAtPrediction pressure p at t (persistence's prediction)
     * @param prediction what the predictor returned at t, possibly invalid
     * @param peakPressure the label: largest pressure observed in (t, t + H]
     * @param features the features the predictor read at t
     */
    void onLabel(
            long predictedAtNanos,
            double pressureAtPrediction,
            double prediction,
            double peakPressure,
            double[] features);
}
