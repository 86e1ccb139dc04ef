package org.mempred.lab.safety;

import org.mempred.predict.FeatureSet;
import org.mempred.predict.Footprint;
import org.mempred.predict.Predictor;
import org.mempred.predict.PredictorConfig;
import org.mempred.telemetry.Sample;

/**
 * A predictor whose output a safety case sets by hand: a fixed value (any double, including NaN,
 * infinities and values outside [0, 1]), the current pressure (a well-behaved persistence
 * predictor, the default), or an exception. It ignores labels and forecasts over the default
 * horizon. Used by the safety cases only.
 */
final class FaultyPredictor implements Predictor {
    /** What {@link #predict} does. */
    enum Behaviour {
        /** Returns {@link #value(double)}'s value. */
        FIXED,
        /** Returns the sample's current pressure. */
        PERSISTENCE,
        /** Throws {@link IllegalStateException}. */
        THROW
    }

    private Behaviour behaviour = Behaviour.PERSISTENCE;
    private double value;

    /** Returns {@code fixed} from now on. */
    FaultyPredictor value(double fixed) {
        behaviour = Behaviour.FIXED;
        value = fixed;
        return this;
    }

    /** Behaves as {@code next} from now on. */
    FaultyPredictor behave(Behaviour next) {
        behaviour = next;
        return this;
    }

    @Override
    public String name() {
        return "faulty";
    }

    @Override
    public FeatureSet featureSet() {
        return FeatureSet.SEED;
    }

    @Override
    public long horizonNanos() {
        return PredictorConfig.DEFAULT_HORIZON_NANOS;
    }

    @Override
    public double predict(Sample sample, double[] features) {
        return switch (behaviour) {
            case FIXED -> value;
            case PERSISTENCE -> sample.pressure();
            case THROW -> throw new IllegalStateException("injected predictor failure");
        };
    }

    @Override
    public void learn(double[] features, double peakPressure) {
        // labels are ignored: the behaviour is scripted
    }

    @Override
    public Footprint footprint() {
        return Footprint.NONE;
    }
}
