package org.mempred.govern;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mempred.heap.DirectCompaction;
import org.mempred.predict.CrostonPredictor;
import org.mempred.predict.HoltPredictor;
import org.mempred.predict.OraclePredictor;
import org.mempred.predict.PersistencePredictor;
import org.mempred.predict.Predictor;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.Target;
import org.mempred.predict.ZgcPredictor;
import org.mempred.predict.neural.NeuralPredictor;
import org.mempred.predict.neural.Pretrained;

/**
 * A compaction policy as a value: its family and typed parameters, parsed once from the
 * {@code NAME[@PARAMETER]} text users type (command line, shell, report sweeps) and then passed
 * around instead of the text. Everything a caller may ask of a policy before running it
 * ({@link #usesPredictor()}, {@link #readsFuture()}, {@link #target()}) is answered here, without
 * building one; {@link #create} builds the running {@link CompactionPolicy}.
 *
 * <p>The families (docs/design.md "Policies"):
 *
 * <ul>
 *   <li>{@link Reactive}: direct compaction only — {@code reactive} (evacuation) or
 *       {@code reactive-slide} (wave 1's slide);
 *   <li>{@link Periodic}: a full compaction every tick; {@link Linux}: Linux's fragmentation
 *       score with proactiveness watermarks ({@code linux@P}, P in [0, 100]);
 *   <li>{@link Reserve}: a reserve of the largest request so far ({@code reserve@m});
 *   <li>{@link Volume}: that reserve, and contiguous capacity per size class kept against a
 *       {@link Forecaster}'s forecast of the volume of the next horizon ({@code holt@m},
 *       {@code neural@m}, ...);
 *   <li>{@link Demand}: a reserve sized by a forecast of the largest single request
 *       ({@code holt-largest@m}, ...);
 *   <li>{@link Peak}: wave 1's rule, a full compaction when the forecast peak pressure reaches a
 *       threshold ({@code neural-peak@θ}).
 * </ul>
 *
 * <p>An absent parameter is an empty {@code Optional}: the policy's default applies and the name
 * carries no {@code @}, so {@code neural} and {@code neural@0.0} stay two labels of one policy, as
 * typed. A parameter given is shown with the decimals its kind is read with (a margin with at least
 * one, a threshold with at least two, like every pressure in the report), so a sweep's labels line
 * up; {@link #parse}{@code (spec.name())} gives {@code spec} back.
 *
 * <p>Why the wake-up margin defaults to 0: it exists, as in Linux's {@code compaction_suitable()},
 * to skip compactions that cannot succeed for want of free space to move into; but evacuation plans
 * every move before making one and moves nothing when the plan fails, so a hopeless wake-up costs
 * only its search. A margin then only trades OOM events for bytes moved, which §12 of the report
 * measures instead of assuming.
 */
public sealed interface PolicySpec {
    /** Suffix of the peak-pressure policies. */
    String PEAK_SUFFIX = "-peak";
    /** Suffix of the largest-request reserve policies. */
    String LARGEST_SUFFIX = "-largest";

    /** The label reports print, e.g. {@code neural@0.5}; parsing it gives this spec back. */
    String name();

    /** Whether the policy runs a predictor (and so has forecasts, labels and accuracy). */
    default boolean usesPredictor() {
        return false;
    }

    /** Whether the policy reads the true future, which the caller must then supply. */
    default boolean readsFuture() {
        return false;
    }

    /** What the policy's predictor forecasts; labels and accuracy follow it. */
    default Target target() {
        return Target.PEAK_PRESSURE;
    }

    /**
     * A new running policy; predictive ones build their predictors from {@code config}, and fail
     * here (not at the first tick) when it cannot build them, e.g. {@code oracle} without a future.
     */
    CompactionPolicy create(PredictorConfig config);

    /**
     * The spec {@code text} names.
     *
     * @throws IllegalArgumentException naming the text, the family and what was expected
     */
    static PolicySpec parse(String text) {
        return PolicyParser.parse(text);
    }

    /** The families that run a forecaster: {@link Volume}, {@link Demand} and {@link Peak}. */
    sealed interface Forecasting extends PolicySpec permits Volume, Demand, Peak {
        /** The forecaster the policy runs. */
        Forecaster forecaster();

        @Override
        default boolean usesPredictor() {
            return true;
        }

        @Override
        default boolean readsFuture() {
            return forecaster() == Forecaster.ORACLE;
        }
    }

    /** The families that keep a reserve and wake on its margin: {@link Reserve}, {@link Volume} and {@link Demand}. */
    sealed interface Reserving extends PolicySpec permits Reserve, Volume, Demand {
        /** The wake-up margin as given; empty for the default. */
        OptionalDouble margin();

        /** This policy with wake-up margin {@code fraction}. */
        Reserving withMargin(double fraction);

        /** The wake-up margin it runs with: the one given, else {@value DemandPolicy#DEFAULT_MARGIN}. */
        default double marginFraction() {
            return margin().orElse(DemandPolicy.DEFAULT_MARGIN);
        }
    }

    /**
     * The forecasters: the one registry of named predictors. Each names the predictor that steers
     * a {@link Volume} policy ({@code holt}), a {@link Demand} policy ({@code holt-largest}) or a
     * {@link Peak} policy ({@code holt-peak}), says which targets it can forecast, and builds it.
     * Adding a forecaster is its class, one line here and its test.
     */
    enum Forecaster {
        /** Future = the recent past. */
        PERSISTENCE(PersistencePredictor.NAME, PersistencePredictor::new, EnumSet.allOf(Target.class)),
        /** Double exponential smoothing. */
        HOLT(HoltPredictor.NAME, HoltPredictor::new, EnumSet.allOf(Target.class)),
        /** The ZGC director's allocation-rate rule. */
        ZGC(ZgcPredictor.NAME, ZgcPredictor::new, EnumSet.allOf(Target.class)),
        /** Intermittent demand: burst volume and the gap between bursts smoothed separately. */
        CROSTON(CrostonPredictor.NAME, CrostonPredictor::new, EnumSet.of(Target.VOLUME)),
        /** The online network, starting from the shipped (or given) pre-trained weights where they fit. */
        NEURAL(NeuralPredictor.NAME, Pretrained::neural, EnumSet.allOf(Target.class)),
        /** The online network, starting from seeded random weights. */
        NEURAL_COLD("neural-cold", NeuralPredictor::new, EnumSet.allOf(Target.class)),
        /** Reads the true future; the upper bound. */
        ORACLE(OraclePredictor.NAME, OraclePredictor::new, EnumSet.allOf(Target.class));

        private final String label;
        private final Function<PredictorConfig, Predictor> factory;
        private final Set<Target> targets;

        Forecaster(String label, Function<PredictorConfig, Predictor> factory, Set<Target> targets) {
            this.label = label;
            this.factory = factory;
            this.targets = targets;
        }

        /** The name users type, e.g. {@code neural-cold}. */
        public String label() {
            return label;
        }

        /** Whether it can forecast {@code target}. */
        public boolean forecasts(Target target) {
            return targets.contains(target);
        }

        /** A new predictor of this kind built from {@code config}, forecasting {@code config.target()}. */
        public Predictor create(PredictorConfig config) {
            if (!forecasts(config.target())) {
                throw new IllegalArgumentException("forecaster '" + label + "' does not forecast the "
                        + config.target().id() + " target");
            }
            return factory.apply(config);
        }

        /** Every label, in registry order. */
        public static java.util.List<String> labels() {
            return java.util.Arrays.stream(values()).map(Forecaster::label).toList();
        }

        /** The forecaster called {@code label}; throws listing the valid labels otherwise. */
        public static Forecaster byLabel(String label) {
            for (Forecaster forecaster : values()) {
                if (forecaster.label.equals(label)) {
                    return forecaster;
                }
            }
            StringBuilder valid = new StringBuilder();
            for (Forecaster forecaster : values()) {
                valid.append(valid.isEmpty() ? "" : ", ").append(forecaster.label);
            }
            throw new IllegalArgumentException("unknown predictor '" + label + "'; valid names: " + valid);
        }
    }

    /** Direct compaction only, by evacuation ({@code reactive}) or by sliding ({@code reactive-slide}). */
    record Reactive(DirectCompaction direct) implements PolicySpec {
        /** {@code reactive}, the baseline of every paired difference. */
        public static final Reactive EVACUATE = new Reactive(DirectCompaction.EVACUATE);
        /** {@code reactive-slide}, wave 1's baseline. */
        public static final Reactive SLIDE = new Reactive(DirectCompaction.SLIDE);

        /** Checks the direct compaction is given. */
        public Reactive {
            if (direct == null) {
                throw new IllegalArgumentException("direct compaction is required");
            }
        }

        @Override
        public String name() {
            return direct == DirectCompaction.EVACUATE ? Policies.REACTIVE : Policies.REACTIVE_SLIDE;
        }

        @Override
        public CompactionPolicy create(PredictorConfig config) {
            return new ReactivePolicy(direct);
        }
    }

    /** A full compaction every tick. */
    record Periodic() implements PolicySpec {
        @Override
        public String name() {
            return Policies.PERIODIC;
        }

        @Override
        public CompactionPolicy create(PredictorConfig config) {
            return new PeriodicPolicy();
        }
    }

    /** Linux's proactive compaction at {@code proactiveness} (absent: {@value LinuxPolicy#DEFAULT_PROACTIVENESS}). */
    record Linux(OptionalInt proactiveness) implements PolicySpec {
        /** Checks the proactiveness is in [0, 100]. */
        public Linux {
            if (proactiveness.isPresent() && (proactiveness.getAsInt() < 0 || proactiveness.getAsInt() > 100)) {
                throw new IllegalArgumentException(
                        "proactiveness " + proactiveness.getAsInt() + " is not a whole number in [0, 100]");
            }
        }

        @Override
        public String name() {
            return proactiveness.isPresent() ? Policies.LINUX + "@" + proactiveness.getAsInt() : Policies.LINUX;
        }

        @Override
        public CompactionPolicy create(PredictorConfig config) {
            return new LinuxPolicy(proactiveness.orElse(LinuxPolicy.DEFAULT_PROACTIVENESS));
        }
    }

    /** A reserve of the largest request so far, waking with {@code margin} (absent: none). */
    record Reserve(OptionalDouble margin) implements Reserving {
        /** Checks the margin is in [0, {@value DemandPolicy#MAX_MARGIN}]. */
        public Reserve {
            checkMargin(margin);
        }

        @Override
        public String name() {
            return Policies.RESERVE + parameter(margin, 1);
        }

        @Override
        public Reserve withMargin(double fraction) {
            return new Reserve(OptionalDouble.of(fraction));
        }

        @Override
        public CompactionPolicy create(PredictorConfig config) {
            return new ReservePolicy(name(), marginFraction(), config.horizonNanos());
        }
    }

    /**
     * The contiguous capacity set against {@code forecaster}'s forecast of the volume of the next
     * horizon per size class ({@link VolumePolicy}), over the reserve of the largest request so
     * far, waking with {@code margin}: {@code holt}, {@code neural@0.5}, ...
     */
    record Volume(Forecaster forecaster, OptionalDouble margin) implements Forecasting, Reserving {
        /** Checks the forecaster forecasts volume and the margin is in [0, {@value DemandPolicy#MAX_MARGIN}]. */
        public Volume {
            checkTarget(forecaster, Target.VOLUME);
            checkMargin(margin);
        }

        @Override
        public String name() {
            return forecaster.label() + parameter(margin, 1);
        }

        @Override
        public Volume withMargin(double fraction) {
            return new Volume(forecaster, OptionalDouble.of(fraction));
        }

        @Override
        public Target target() {
            return Target.VOLUME;
        }

        @Override
        public CompactionPolicy create(PredictorConfig config) {
            PredictorConfig volume = config.forVolume();
            return new VolumePolicy(
                    name(), built(() -> forecaster.create(volume)), marginFraction(), config.horizonNanos());
        }
    }

    /**
     * A reserve sized by {@code forecaster}'s forecast of the largest single request of the next
     * horizon, waking with {@code margin}: {@code holt-largest}, kept so the change of target is
     * measured.
     */
    record Demand(Forecaster forecaster, OptionalDouble margin) implements Forecasting, Reserving {
        /** Checks the forecaster forecasts the largest request and the margin is in [0, {@value DemandPolicy#MAX_MARGIN}]. */
        public Demand {
            checkTarget(forecaster, Target.DEMAND);
            checkMargin(margin);
        }

        @Override
        public String name() {
            return forecaster.label() + LARGEST_SUFFIX + parameter(margin, 1);
        }

        @Override
        public Demand withMargin(double fraction) {
            return new Demand(forecaster, OptionalDouble.of(fraction));
        }

        @Override
        public Target target() {
            return Target.DEMAND;
        }

        @Override
        public CompactionPolicy create(PredictorConfig config) {
            PredictorConfig demand = config.forDemand();
            return new DemandPolicy(
                    name(), built(() -> forecaster.create(demand)), marginFraction(), config.horizonNanos());
        }
    }

    /** Wave 1's rule: a full compaction when {@code forecaster}'s forecast peak reaches {@code threshold}. */
    record Peak(Forecaster forecaster, OptionalDouble threshold) implements Forecasting {
        /** Checks the forecaster forecasts peak pressure and the threshold is in (0, 1]. */
        public Peak {
            checkTarget(forecaster, Target.PEAK_PRESSURE);
            if (threshold.isPresent() && !(threshold.getAsDouble() > 0.0 && threshold.getAsDouble() <= 1.0)) {
                throw new IllegalArgumentException(
                        "threshold " + threshold.getAsDouble() + " is not a number in (0, 1]");
            }
        }

        @Override
        public String name() {
            return forecaster.label() + PEAK_SUFFIX + parameter(threshold, 2);
        }

        /** This policy with forecast threshold {@code pressure}. */
        public Peak withThreshold(double pressure) {
            return new Peak(forecaster, OptionalDouble.of(pressure));
        }

        @Override
        public CompactionPolicy create(PredictorConfig config) {
            PredictorConfig peak = config.withTarget(Target.PEAK_PRESSURE);
            return new PredictivePolicy(
                    name(),
                    built(() -> forecaster.create(peak)),
                    threshold.orElse(PredictivePolicy.DEFAULT_THRESHOLD_PRESSURE),
                    PredictivePolicy.DEFAULT_MIN_FRAGMENTATION);
        }
    }

    /** {@code predictors}, after building one to fail now on a bad configuration. */
    private static Supplier<Predictor> built(Supplier<Predictor> predictors) {
        predictors.get();
        return predictors;
    }

    private static void checkTarget(Forecaster forecaster, Target target) {
        if (!forecaster.forecasts(target)) {
            throw new IllegalArgumentException(
                    "forecaster '" + forecaster.label() + "' does not forecast the " + target.id() + " target");
        }
    }

    private static void checkMargin(OptionalDouble margin) {
        if (margin.isPresent() && !(margin.getAsDouble() >= 0 && margin.getAsDouble() <= DemandPolicy.MAX_MARGIN)) {
            throw new IllegalArgumentException("the wake-up margin " + margin.getAsDouble() + " is not in [0, "
                    + DemandPolicy.MAX_MARGIN + "] (a fraction of the reserve)");
        }
    }

    /** {@code "@" + value} with at least {@code decimals} decimals (more if the value needs them), or "" when absent. */
    private static String parameter(OptionalDouble value, int decimals) {
        if (value.isEmpty()) {
            return "";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value.getAsDouble())).stripTrailingZeros();
        return "@" + exact.setScale(Math.max(decimals, exact.scale())).toPlainString();
    }
}
