package org.mempred.predict;

import org.mempred.telemetry.Sample;

/**
 * Upper bound {@code oracle}: predicts by reading the true future from the {@link FutureView} the
 * simulator supplied in its configuration — for {@link Target#DEMAND}, the largest request the
 * workload will really make in {@code (t, t + H]}; for {@link Target#PEAK_PRESSURE}, the peak
 * pressure a recorded run reached. It exists only to bound what any predictor could
 * achieve; it is the one predictor that breaks the no-peeking rule, and the only reader of a
 * {@code FutureView}. When the view knows nothing about the interval it returns {@code NaN}, which
 * the safety check reports as invalid. Cost: one view query; no allocation of its own.
 */
public final class OraclePredictor implements Predictor {
    /** The name it is created by (see the forecaster registry, {@code PolicySpec.Forecaster} in {@code govern}). */
    public static final String NAME = "oracle";

    private final FeatureSet featureSet;
    private final long horizonNanos;
    private final FutureView future;

    /** An oracle reading {@code config.future()}, which must be present. */
    public OraclePredictor(PredictorConfig config) {
        if (config.future() == null) {
            throw new IllegalArgumentException("predictor 'oracle' reads the true future: supply it with "
                    + "PredictorConfig.withFuture(view), e.g. a RecordedFuture of the run");
        }
        this.featureSet = config.featureSet();
        this.horizonNanos = config.horizonNanos();
        this.future = config.future();
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
        return future.peak(sample.timeNanos(), horizonNanos);
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
