package org.mempred.govern;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.mempred.heap.DirectCompaction;
import org.mempred.predict.Predictor;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.Target;
import org.mempred.predict.WrappingPredictor;
import org.mempred.predict.neural.Pretrained;

/**
 * The registry of named compaction policies. Unknown names throw, listing the valid ones.
 *
 * <ul>
 *   <li>{@code reactive}: direct evacuation only, the baseline; {@code reactive-slide}: wave 1's
 *       sliding direct compaction.
 *   <li>{@code periodic} and {@code linux}: full background compaction without a predictor.
 *   <li>{@code reserve}: a reserve as large as the largest request so far, no forecast.
 *   <li>{@code persistence}, {@code holt}, {@code zgc}, {@code neural}, {@code neural-cold},
 *       {@code oracle}: {@link DemandPolicy}, whose predictor's forecast of the largest request
 *       sets the reserve ({@code neural} starts from the shipped pre-trained weights where they
 *       fit, {@code neural-cold} from seeded random weights; {@code oracle} reads the true future
 *       requests and needs {@link PredictorConfig#withFuture}).
 *   <li>{@code <predictor>-peak}: wave 1's rule, {@link PredictivePolicy}: a full compaction when
 *       the forecast peak pressure reaches a threshold, kept so the change of target is measured.
 * </ul>
 *
 * <p>A name may carry the policy's one parameter after {@code @}: the wake-up margin of
 * {@code reserve} and the demand policies, as a fraction of the reserve ({@code neural@0.5}: wake
 * only while free bytes exceed the reserve by half of it; default
 * {@value DemandPolicy#DEFAULT_MARGIN}), the forecast threshold of a {@code -peak} policy
 * ({@code neural-peak@0.8}; default {@value PredictivePolicy#DEFAULT_THRESHOLD_PRESSURE}), or the
 * proactiveness of {@code linux} ({@code linux@50}; default
 * {@value LinuxPolicy#DEFAULT_PROACTIVENESS}). Sweeping it traces a policy's curve of OOM events
 * against bytes moved.
 *
 * <p>Why the margin defaults to 0: it exists, as in Linux's {@code compaction_suitable()}, to skip
 * compactions that cannot succeed for want of free space to move into; but evacuation plans every
 * move before making one and moves nothing when the plan fails, so a hopeless wake-up costs only
 * its search. A margin then only trades OOM events for bytes moved, which §12 of the report
 * measures instead of assuming.
 */
public final class Policies {
    /** Direct evacuation only. */
    public static final String REACTIVE = "reactive";
    /** Direct sliding compaction only (wave 1's baseline). */
    public static final String REACTIVE_SLIDE = "reactive-slide";
    /** Full background compaction every tick. */
    public static final String PERIODIC = "periodic";
    /** Linux fragmentation score with proactiveness watermarks. */
    public static final String LINUX = "linux";
    /** A reserve of the largest request seen so far. */
    public static final String RESERVE = "reserve";
    /** The neural policy starting from seeded random weights instead of the shipped pre-trained ones. */
    public static final String NEURAL_COLD = "neural-cold";
    /** Suffix of wave 1's peak-pressure policies. */
    public static final String PEAK_SUFFIX = "-peak";

    /** Every name, baselines first, the upper bound last, then wave 1's peak-pressure rules. */
    public static final List<String> NAMES = List.of(
            REACTIVE_SLIDE,
            REACTIVE,
            PERIODIC,
            LINUX,
            RESERVE,
            Predictors.PERSISTENCE,
            Predictors.HOLT,
            Predictors.ZGC,
            Predictors.NEURAL,
            NEURAL_COLD,
            Predictors.ORACLE,
            Predictors.PERSISTENCE + PEAK_SUFFIX,
            Predictors.HOLT + PEAK_SUFFIX,
            Predictors.ZGC + PEAK_SUFFIX,
            Predictors.NEURAL + PEAK_SUFFIX,
            Predictors.ORACLE + PEAK_SUFFIX);

    /**
     * The policies every comparison of the report runs: the old and new baselines, the blind and
     * the kernel's proactive compaction, the forecast-free reserve, every demand forecast, the
     * oracle, and wave 1's neural peak-pressure rule so the change of target stays measured.
     */
    public static final List<String> HEADLINE = List.of(
            REACTIVE_SLIDE,
            REACTIVE,
            PERIODIC,
            LINUX,
            RESERVE,
            Predictors.PERSISTENCE,
            Predictors.HOLT,
            Predictors.ZGC,
            Predictors.NEURAL,
            Predictors.ORACLE,
            Predictors.NEURAL + PEAK_SUFFIX);

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
        if (base.endsWith(PEAK_SUFFIX)) {
            return peak(name, base.substring(0, base.length() - PEAK_SUFFIX.length()), parameter, config);
        }
        if (parameter != null && (base.equals(REACTIVE) || base.equals(REACTIVE_SLIDE) || base.equals(PERIODIC))) {
            throw new IllegalArgumentException("policy '" + name + "': " + base + " takes no @parameter");
        }
        PredictorConfig demand = config.forDemand();
        return switch (base) {
            case REACTIVE -> new ReactivePolicy(DirectCompaction.EVACUATE);
            case REACTIVE_SLIDE -> new ReactivePolicy(DirectCompaction.SLIDE);
            case PERIODIC -> new PeriodicPolicy();
            case RESERVE -> new ReservePolicy(name, margin(name, parameter));
            case LINUX ->
                new LinuxPolicy(parameter == null ? LinuxPolicy.DEFAULT_PROACTIVENESS : proactiveness(name, parameter));
            case Predictors.NEURAL -> demand(name, () -> Pretrained.neural(demand), margin(name, parameter));
            case NEURAL_COLD ->
                demand(name, () -> Predictors.create(Predictors.NEURAL, demand), margin(name, parameter));
            case Predictors.PERSISTENCE, Predictors.HOLT, Predictors.ZGC, Predictors.ORACLE ->
                demand(name, () -> Predictors.create(base, demand), margin(name, parameter));
            default -> throw unknown(name);
        };
    }

    private static double margin(String name, String parameter) {
        if (parameter == null) {
            return DemandPolicy.DEFAULT_MARGIN;
        }
        try {
            return Double.parseDouble(parameter);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "policy '" + name + "': wake-up margin '" + parameter + "' is not a number in [0, "
                            + DemandPolicy.MAX_MARGIN + "] (a fraction of the reserve)",
                    e);
        }
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown policy '" + name + "'; valid names: " + String.join(", ", NAMES)
                + " (linux and the -peak ones also as NAME@PARAMETER)");
    }

    private static CompactionPolicy peak(String name, String predictor, String parameter, PredictorConfig config) {
        PredictorConfig peakConfig = config.withTarget(Target.PEAK_PRESSURE);
        return switch (predictor) {
            case Predictors.NEURAL -> predictive(name, parameter, () -> Pretrained.neural(peakConfig));
            case NEURAL_COLD -> predictive(name, parameter, () -> Predictors.create(Predictors.NEURAL, peakConfig));
            case Predictors.PERSISTENCE, Predictors.HOLT, Predictors.ZGC, Predictors.ORACLE ->
                predictive(name, parameter, () -> Predictors.create(predictor, peakConfig));
            default -> throw unknown(name);
        };
    }

    private static DemandPolicy demand(String name, Supplier<Predictor> predictors, double margin) {
        DemandPolicy policy = new DemandPolicy(name, predictors, margin);
        predictors.get(); // fail now, not at the first tick, on a bad configuration
        return policy;
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

    /** What the policy called {@code name} forecasts: demand, or peak pressure for the -peak ones. */
    public static Target targetOf(String name) {
        return baseName(name).endsWith(PEAK_SUFFIX) ? Target.PEAK_PRESSURE : Target.DEMAND;
    }

    /** The name without its {@code @PARAMETER}. */
    public static String baseName(String name) {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /** Whether the policy called {@code name} reads the true future (so one must be supplied). */
    public static boolean readsFuture(String name) {
        String base = baseName(name);
        return base.equals(Predictors.ORACLE) || base.equals(Predictors.ORACLE + PEAK_SUFFIX);
    }

    /** {@code policy} with its predictors passed through {@code decorator}; other policies as they are. */
    public static CompactionPolicy decorate(CompactionPolicy policy, UnaryOperator<Predictor> decorator) {
        if (policy instanceof PredictivePolicy predictive) {
            return predictive.decorated(decorator);
        }
        return policy instanceof DemandPolicy demand ? demand.decorated(decorator) : policy;
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
