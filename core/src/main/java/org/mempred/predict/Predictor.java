package org.mempred.predict;

import org.mempred.telemetry.Sample;

/**
 * Forecasts its {@link Target} over the next horizon — the largest request (demand) or the peak
 * pressure, as a share of capacity (docs/design.md "Definitions") — and learns online from delayed
 * labels. Every implementation passes {@code PredictorContractTest}.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #predict} is called once per sample, samples in non-decreasing time order, with
 *       {@code features} holding {@code featureSet().width()} values computed from that same sample
 *       by a {@link FeatureExtractor}. It returns the predicted maximum of its target over {@code
 *       (t, t + horizonNanos()]}. A correct predictor returns a value in [0, 1], but callers never
 *       trust that: they classify it with {@link PredictionCheck} and discard invalid values,
 *       never clamp them.
 *   <li>{@link #learn} receives the features recorded at a past prediction time {@code t} and the
 *       largest value of the target actually observed in {@code (t, t + H]}. Only {@link DelayedLabeler} produces
 *       labels, and only once the clock has reached {@code t + H}: no learner sees the future.
 *       Labels outside [0, 1] and short feature arrays are rejected with an exception; predictors
 *       that do not learn from labels (the baselines) validate and ignore them.
 *   <li>Neither method allocates; both are deterministic for a given {@link PredictorConfig}.
 *   <li>Not thread-safe: one owner thread (the governor's) calls it.
 * </ul>
 *
 * <p>This is an ordinary (not sealed) interface so that tests of the governor can supply faulty
 * predictors; the closed set of named predictors lives in the forecaster registry ({@code PolicySpec.Forecaster}, package {@code govern}).
 */
public interface Predictor {
    /** The registry name, e.g. {@code "neural"}. */
    String name();

    /** The features {@link #predict} and {@link #learn} expect. */
    FeatureSet featureSet();

    /** The horizon H the prediction covers, in nanoseconds. */
    long horizonNanos();

    /** The forecast of the target over {@code (sample.timeNanos(), sample.timeNanos() + H]}. */
    double predict(Sample sample, double[] features);

    /** Learns from the features of a past prediction and the label (the target's peak) that followed it. */
    void learn(double[] features, double peakPressure);

    /** Bytes held by weights, optimiser state and history, computed from array sizes. */
    Footprint footprint();
}
