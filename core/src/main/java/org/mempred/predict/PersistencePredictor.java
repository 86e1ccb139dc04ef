package org.mempred.predict;

import org.mempred.telemetry.Sample;

/**
 * Baseline {@code persistence}: the future equals now, so the predicted peak is the current
 * pressure. Every skill score is measured against it (DESIGN.md "Accuracy"). Stateless; O(1).
 */
public final class PersistencePredictor implements Predictor {
    private final FeatureSet featureSet;
    private final long horizonNanos;

    /** A persistence predictor; only the horizon and feature set of {@code config} matter. */
    public PersistencePredictor(PredictorConfig config) {
        this.featureSet = config.featureSet();
        this.horizonNanos = config.horizonNanos();
    }

    @Override
    public String name() {
        return Predictors.PERSISTENCE;
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
        return sample.pressure();
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
