package org.mempred.predict;

import org.mempred.telemetry.Sample;

/**
 * Baseline {@code persistence}: the future equals the recent past — the target's value over the
 * last H ({@link Target#recent}): the volume requested in the last H, the largest request of the
 * last H, or the pressure now. Every skill score is measured against it. O(history) per prediction.
 */
public final class PersistencePredictor implements Predictor {
    /** The name it is created by (see the forecaster registry, {@code PolicySpec.Forecaster} in {@code govern}). */
    public static final String NAME = "persistence";

    private final FeatureSet featureSet;
    private final long horizonNanos;
    private final Target target;
    private final RequestHistory history;

    /** A persistence predictor; only the horizon and feature set of {@code config} matter. */
    public PersistencePredictor(PredictorConfig config) {
        this.featureSet = config.featureSet();
        this.horizonNanos = config.horizonNanos();
        this.target = config.target();
        this.history = RequestHistory.forHorizon(config.horizonNanos());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeatureSet featureSet() {
        return featureSet;
    }

    @Override
    public long horizonNanos() {
        return horizonNanos;
    }

    @Override
    public double predict(Sample sample, double[] features) {
        Checks.requireWidth(features, featureSet);
        history.add(sample);
        return target.recent(sample, history);
    }

    @Override
    public void learn(double[] features, double peakPressure) {
        Checks.requireLearnable(features, featureSet, peakPressure);
    }

    @Override
    public Footprint footprint() {
        return Footprint.NONE;
    }
}
