package org.mempred.lab.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * The safety cases, in the order the report lists them: an invalid forecast of each kind is
 * discarded, the compaction rate limit holds against a policy that always asks, the watchdog trips
 * on repeated anomalies and on an error far above the running error, a throwing predictor leaves
 * the heap serving, and the governor recovers after its cool-down.
 */
public final class SafetyCatalogue {
    private SafetyCatalogue() {}

    /** Every case, in report order. */
    public static List<SafetyCase> cases() {
        return List.of(
                new InvalidPrediction("prediction out of bounds (1.5)", 1.5),
                new InvalidPrediction("prediction out of bounds (-0.5)", -0.5),
                new InvalidPrediction("NaN prediction", Double.NaN),
                new InvalidPrediction("+infinite prediction", Double.POSITIVE_INFINITY),
                new InvalidPrediction("-infinite prediction", Double.NEGATIVE_INFINITY),
                new RateLimit(),
                new RepeatedAnomalies(),
                new ErrorSpike(),
                new PredictorThrows(),
                new Recovery());
    }

    /** Runs every case, in report order. */
    public static List<SafetyOutcome> runAll() {
        List<SafetyOutcome> outcomes = new ArrayList<>();
        for (SafetyCase safetyCase : cases()) {
            outcomes.add(safetyCase.run());
        }
        return outcomes;
    }
}
