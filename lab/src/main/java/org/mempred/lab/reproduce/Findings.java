package org.mempred.lab.reproduce;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mempred.lab.experiment.ExperimentResult;
import org.mempred.lab.stats.Summary;

/**
 * The measurements later sections reuse, filled in as sections run: the experiments of sections
 * 1, 2, 3 and 5 and a few figures of sections 4 and 6–9 that the "Claims vs measured" section
 * compares with the seed report. Plain mutable holder, one thread.
 */
final class Findings {
    ExperimentResult shortStress;
    ExperimentResult longStress;
    ExperimentResult autonomy;
    /** Section 12's headline experiments by demand level ("80 %", "90 %", "95 %"). */
    Map<String, ExperimentResult> pareto = Map.of();
    /** Section 10's replays by "trace at pressure". */
    final Map<String, ExperimentResult> traces = new LinkedHashMap<>();
    /** Section 13's experiments by workload and horizon. */
    Map<String, ExperimentResult> horizons = Map.of();

    final Map<Integer, ExperimentResult> sweep = new LinkedHashMap<>();
    Summary neuralBandLowAccuracy;
    Summary neuralBandHighAccuracy;
    long neuralBandLowCount;
    long neuralBandHighCount;
    Summary coldStartAccuracyGain;
    long neuralFootprintBytes = -1;
    double neuralPredictMeanMicros = Double.NaN;
    boolean rateLimitHeld;
    int safetyCases;
    int safetyPassed;
}
