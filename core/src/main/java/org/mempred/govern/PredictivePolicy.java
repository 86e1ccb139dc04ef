package org.mempred.govern;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.mempred.predict.Predictor;
import org.mempred.predict.Target;
import org.mempred.telemetry.Sample;

/**
 * Predictive compaction: compact in the background when the predicted peak pressure over the
 * horizon reaches {@code thresholdPressure} (default 0.90, the accuracy threshold θ) and the heap
 * is fragmented enough for compaction to gain something ({@code fragmentation >=
 * minFragmentation}, default 0.10). The idea of the seed report: compact before pressure turns
 * critical, while there is time, instead of in the allocation path. The same rule serves every
 * predictor ({@code neural}, {@code holt}, {@code zgc}, {@code persistence}, {@code oracle}), so
 * that comparing them compares the predictors and nothing else.
 *
 * <p>The fragmentation gate keeps a confident forecast from compacting a heap that is already
 * compact (all free space in one block), which would move bytes for nothing. Thresholds are fixed:
 * no adaptation to the predictor's confidence, so that a result cannot come from tuning.
 */
public final class PredictivePolicy implements CompactionPolicy {
    /**
     * Default trigger on the predicted peak pressure: the accuracy threshold θ. The trigger is this
     * policy's parameter ({@code neural-peak@0.8}); θ is a definition (docs/design.md
     * "Definitions") that lives in {@link Target} alone, so accuracy is scored at θ whatever the
     * trigger, and a swept trigger compares against the same yardstick.
     */
    public static final double DEFAULT_THRESHOLD_PRESSURE = Target.PEAK_THRESHOLD;
    /** Default least fragmentation worth compacting. */
    public static final double DEFAULT_MIN_FRAGMENTATION = 0.10;

    private final String name;
    private final Supplier<Predictor> predictors;
    private final double thresholdPressure;
    private final double minFragmentation;

    /** A policy called {@code name} whose predictors come from {@code predictors}. */
    public PredictivePolicy(
            String name, Supplier<Predictor> predictors, double thresholdPressure, double minFragmentation) {
        if (!(thresholdPressure > 0 && thresholdPressure <= 1) || !(minFragmentation >= 0 && minFragmentation < 1)) {
            throw new IllegalArgumentException("thresholdPressure=" + thresholdPressure
                    + " must be in (0, 1] and minFragmentation=" + minFragmentation + " in [0, 1)");
        }
        this.name = name;
        this.predictors = predictors;
        this.thresholdPressure = thresholdPressure;
        this.minFragmentation = minFragmentation;
    }

    @Override
    public String name() {
        return name;
    }

    /** The same policy whose predictors pass through {@code decorator} (e.g. to time them). */
    public PredictivePolicy decorated(UnaryOperator<Predictor> decorator) {
        return new PredictivePolicy(name, () -> decorator.apply(predictors.get()), thresholdPressure, minFragmentation);
    }

    @Override
    public Predictor newPredictor() {
        return predictors.get();
    }

    @Override
    public Proposal decide(Sample sample, double prediction, double recentError) {
        double fragmentation = sample.fragmentation();
        if (prediction >= thresholdPressure && fragmentation >= minFragmentation) {
            return Proposal.compact(String.format(
                    "%s: forecast peak %.3f >= %.2f, fragmentation %.2f",
                    name, prediction, thresholdPressure, fragmentation));
        }
        return Proposal.idle(String.format(
                "%s: forecast peak %.3f (threshold %.2f), fragmentation %.2f",
                name, prediction, thresholdPressure, fragmentation));
    }
}
