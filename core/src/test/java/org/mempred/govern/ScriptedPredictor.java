package org.mempred.govern;

import java.util.function.LongToDoubleFunction;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.Footprint;
import org.mempred.predict.Predictor;
import org.mempred.predict.PredictorConfig;
import org.mempred.telemetry.Sample;

/** A predictor whose output is scripted by tick number: the fault injector of the safety tests. */
final class ScriptedPredictor implements Predictor {
    private final LongToDoubleFunction script;
    private final Runnable onPredict;
    private long calls;

    ScriptedPredictor(LongToDoubleFunction script) {
        this(script, () -> {});
    }

    ScriptedPredictor(LongToDoubleFunction script, Runnable onPredict) {
        this.script = script;
        this.onPredict = onPredict;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public FeatureSet featureSet() {
        return FeatureSet.values()[0];
    }

    @Override
    public long horizonNanos() {
        return PredictorConfig.DEFAULT_HORIZON_NANOS;
    }

    @Override
    public double predict(Sample sample, double[] features) {
        onPredict.run();
        return script.applyAsDouble(calls++);
    }

    @Override
    public void learn(double[] features, double peakPressure) {}

    @Override
    public Footprint footprint() {
        return Footprint.NONE;
    }
}
