package org.mempred.lab.safety;

/**
 * One safety scenario of the catalogue ({@link SafetyCatalogue#cases()}): a closed set of
 * records, each building its own governor, injecting its fault and reading the outcome back from
 * the governor's counters, mode and decision log. Running a case is deterministic (virtual clock,
 * scripted predictor) and never throws for a failing outcome: it reports it.
 */
public sealed interface SafetyCase
        permits InvalidPrediction, RateLimit, RepeatedAnomalies, ErrorSpike, PredictorThrows, Recovery {
    /** The case as the report names it. */
    String name();

    /** Runs the scenario on a fresh governor and heap. */
    SafetyOutcome run();
}
