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
