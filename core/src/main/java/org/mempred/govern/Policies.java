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
 * {@link PredictivePolicy} with that predictor ({@code neural} starts from the shipped pre-trained
 * weights where they fit, {@code neural-cold} from seeded random weights); {@code oracle} too,
 * reading the true future (an upper bound, needs {@link PredictorConfig#withFuture}).
 *
 * <p>A name may carry the policy's one parameter after {@code @}: the forecast threshold of a
 * predictive policy ({@code neural@0.8} compacts when the predicted peak reaches 0.8; default
 * {@value PredictivePolicy#DEFAULT_THRESHOLD_PRESSURE}), or the proactiveness of {@code linux}
 * ({@code linux@50}; default {@value LinuxPolicy#DEFAULT_PROACTIVENESS}). Sweeping it traces a
 * policy's curve of OOM events against bytes moved, instead of judging it at one point.
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

    /**
     * A new policy called {@code name} (optionally {@code NAME@PARAMETER}); predictive ones build
     * predictors from {@code config}.
     *
     * @throws IllegalArgumentException for an unknown name or a bad parameter, naming both
     */
    public static CompactionPolicy create(String name, PredictorConfig config) {
        String base = baseName(name);
        String parameter = base.length() == name.length() ? null : name.substring(base.length() + 1);
        return switch (base) {
            case REACTIVE, PERIODIC -> {
                if (parameter != null) {
                    throw new IllegalArgumentException("policy '" + name + "': " + base + " takes no @parameter");
                }
                yield base.equals(REACTIVE) ? new ReactivePolicy() : new PeriodicPolicy();
            }
            case LINUX ->
                new LinuxPolicy(parameter == null ? LinuxPolicy.DEFAULT_PROACTIVENESS : proactiveness(name, parameter));
            case Predictors.NEURAL -> predictive(name, parameter, () -> Pretrained.neural(config));
            case NEURAL_COLD -> predictive(name, parameter, () -> Predictors.create(Predictors.NEURAL, config));
            case Predictors.PERSISTENCE, Predictors.HOLT, Predictors.ZGC, Predictors.ORACLE ->
                predictive(name, parameter, () -> Predictors.create(base, config));
            default ->
                throw new IllegalArgumentException("unknown policy '" + name + "'; valid names: "
                        + String.join(", ", NAMES) + " (predictive ones and linux also as NAME@PARAMETER)");
        };
    }

    /**
     * Checks that {@code name} names a policy with a valid parameter, without running anything.
     *
     * @throws IllegalArgumentException as {@link #create} would
     */
    public static void validate(String name) {
        PredictorConfig config = PredictorConfig.DEFAULTS;
        create(name, readsFuture(name) ? config.withFuture((timeNanos, horizonNanos) -> Double.NaN) : config);
    }

    /** The name without its {@code @PARAMETER}. */
    public static String baseName(String name) {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /** Whether the policy called {@code name} reads the true future (so one must be supplied). */
    public static boolean readsFuture(String name) {
        return baseName(name).equals(Predictors.ORACLE);
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

    private static PredictivePolicy predictive(String name, String parameter, Supplier<Predictor> predictors) {
        double threshold = parameter == null ? PredictivePolicy.DEFAULT_THRESHOLD_PRESSURE : threshold(name, parameter);
        PredictivePolicy policy =
                new PredictivePolicy(name, predictors, threshold, PredictivePolicy.DEFAULT_MIN_FRAGMENTATION);
        predictors.get(); // fail now, not at the first tick, on a bad configuration
        return policy;
    }

    private static int proactiveness(String name, String parameter) {
        int value = -1;
        try {
            value = Integer.parseInt(parameter);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(
                    "policy '" + name + "': proactiveness '" + parameter + "' is not a whole number in [0, 100]");
        }
        return value;
    }

    private static double threshold(String name, String parameter) {
        double value = Double.NaN;
        try {
            value = Double.parseDouble(parameter);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (!(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(
                    "policy '" + name + "': threshold '" + parameter + "' is not a number in (0, 1]");
        }
        return value;
    }
}
