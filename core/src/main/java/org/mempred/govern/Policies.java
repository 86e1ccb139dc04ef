package org.mempred.govern;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.mempred.predict.Predictor;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.Predictors;
import org.mempred.predict.Pretrained;

/**
 * The registry of named compaction policies. Unknown names throw, listing the valid ones.
 *
 * <p>{@code reactive} is the baseline; {@code periodic} and {@code linux} are proactive without a
 * predictor; {@code persistence}, {@code holt}, {@code zgc} and {@code neural} are
 * {@link PredictivePolicy} with that predictor; {@code oracle} too, reading the true future (an
 * upper bound, needs {@link PredictorConfig#withFuture}).
 */
public final class Policies {
    /** Direct compaction only. */
    public static final String REACTIVE = "reactive";
    /** Full background compaction every tick. */
    public static final String PERIODIC = "periodic";
    /** Linux fragmentation score with proactiveness watermarks. */
    public static final String LINUX = "linux";
    /** The neural policy starting from seeded random weights instead of the shipped pre-trained ones. */
    public static final String NEURAL_COLD = "neural-cold";

    /** Every name, baselines first, the upper bound last. */
    public static final List<String> NAMES = List.of(
            REACTIVE,
            PERIODIC,
            LINUX,
            Predictors.PERSISTENCE,
            Predictors.HOLT,
            Predictors.ZGC,
            Predictors.NEURAL,
            NEURAL_COLD,
            Predictors.ORACLE);

    private Policies() {}

    private static PredictivePolicy predictive(String name, Supplier<Predictor> predictors) {
        predictors.get(); // fail now, not at the first tick, on a bad configuration
        return new PredictivePolicy(
                name,
                predictors,
                PredictivePolicy.DEFAULT_THRESHOLD_PRESSURE,
                PredictivePolicy.DEFAULT_MIN_FRAGMENTATION);
    }

    /** {@code policy} with its predictors passed through {@code decorator}; other policies as they are. */
    public static CompactionPolicy decorate(CompactionPolicy policy, UnaryOperator<Predictor> decorator) {
        return policy instanceof PredictivePolicy predictive ? predictive.decorated(decorator) : policy;
    }

    /** The predictor inside any {@link WrappingPredictor} layers. */
    public static Predictor undecorate(Predictor predictor) {
        Predictor inner = predictor;
        while (inner instanceof WrappingPredictor wrapping) {
            inner = wrapping.wrapped();
        }
        return inner;
    }

    /** A new policy called {@code name}; predictive ones build predictors from {@code config}. */
    public static CompactionPolicy create(String name, PredictorConfig config) {
        return switch (name) {
            case REACTIVE -> new ReactivePolicy();
            case PERIODIC -> new PeriodicPolicy();
            case LINUX -> new LinuxPolicy(LinuxPolicy.DEFAULT_PROACTIVENESS);
            case Predictors.NEURAL -> predictive(name, () -> Pretrained.neural(config));
            case NEURAL_COLD -> predictive(name, () -> Predictors.create(Predictors.NEURAL, config));
            case Predictors.PERSISTENCE, Predictors.HOLT, Predictors.ZGC, Predictors.ORACLE ->
                predictive(name, () -> Predictors.create(name, config));
            default ->
                throw new IllegalArgumentException(
                        "unknown policy '" + name + "'; valid names: " + String.join(", ", NAMES));
        };
    }
}
