package org.mempred.govern;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.mempred.govern.PolicySpec.Forecaster;
import org.mempred.predict.Predictor;
import org.mempred.predict.WrappingPredictor;

/**
 * The catalogue of compaction policies: their names, every policy in report order and the headline
 * set, as {@link PolicySpec}s (which parse, describe and build them), and the decoration of a
 * running policy's predictors.
 */
public final class Policies {
    /** Direct evacuation only. */
    public static final String REACTIVE = "reactive";
    /** Direct sliding compaction only (the sliding baseline). */
    public static final String REACTIVE_SLIDE = "reactive-slide";
    /** Full background compaction every tick. */
    public static final String PERIODIC = "periodic";
    /** Linux fragmentation score with proactiveness watermarks. */
    public static final String LINUX = "linux";
    /** A reserve of the largest request seen so far. */
    public static final String RESERVE = "reserve";

    /** The policies without a forecaster: the sliding and evacuating baselines, blind and kernel compaction, the reserve. */
    private static final List<PolicySpec> BASELINES = List.of(
            PolicySpec.Reactive.SLIDE,
            PolicySpec.Reactive.EVACUATE,
            new PolicySpec.Periodic(),
            new PolicySpec.Linux(OptionalInt.empty()),
            new PolicySpec.Reserve(OptionalDouble.empty()));

    /**
     * Every policy with its default parameter: the baselines, every forecaster's volume policy (the
     * upper bound last), then the largest-request and peak-pressure rules of every forecaster that
     * has them.
     */
    public static final List<PolicySpec> ALL = catalogue(
            EnumSet.allOf(Forecaster.class),
            EnumSet.complementOf(EnumSet.of(Forecaster.NEURAL_COLD, Forecaster.CROSTON)),
            EnumSet.complementOf(EnumSet.of(Forecaster.NEURAL_COLD, Forecaster.CROSTON)));

    /** The names of {@link #ALL}, in order. */
    public static final List<String> NAMES = ALL.stream().map(PolicySpec::name).toList();

    /**
     * The policies every comparison of the report runs: the baselines, every volume forecast but
     * the cold-started network, the oracle, and the neural largest-request and peak-pressure rules
     * so the changes of target stay measured.
     */
    public static final List<PolicySpec> HEADLINE = catalogue(
            EnumSet.complementOf(EnumSet.of(Forecaster.NEURAL_COLD)),
            EnumSet.of(Forecaster.NEURAL),
            EnumSet.of(Forecaster.NEURAL));

    private Policies() {}

    /** The baselines, then the volume, largest-request and peak policies of the given forecasters, in enum order. */
    private static List<PolicySpec> catalogue(Set<Forecaster> volumes, Set<Forecaster> demands, Set<Forecaster> peaks) {
        List<PolicySpec> specs = new ArrayList<>(BASELINES);
        for (Forecaster forecaster : volumes) {
            specs.add(volume(forecaster));
        }
        for (Forecaster forecaster : demands) {
            specs.add(demand(forecaster));
        }
        for (Forecaster forecaster : peaks) {
            specs.add(peak(forecaster));
        }
        return List.copyOf(specs);
    }

    /** {@code forecaster}'s volume policy with the default margin. */
    public static PolicySpec.Volume volume(Forecaster forecaster) {
        return new PolicySpec.Volume(forecaster, OptionalDouble.empty());
    }

    /** {@code forecaster}'s largest-request policy with the default margin. */
    public static PolicySpec.Demand demand(Forecaster forecaster) {
        return new PolicySpec.Demand(forecaster, OptionalDouble.empty());
    }

    /** {@code forecaster}'s peak-pressure policy with the default threshold. */
    public static PolicySpec.Peak peak(Forecaster forecaster) {
        return new PolicySpec.Peak(forecaster, OptionalDouble.empty());
    }

    /** {@code policy} with its predictors passed through {@code decorator}; other policies as they are. */
    public static CompactionPolicy decorate(CompactionPolicy policy, UnaryOperator<Predictor> decorator) {
        if (policy instanceof PredictivePolicy predictive) {
            return predictive.decorated(decorator);
        }
        if (policy instanceof VolumePolicy volume) {
            return volume.decorated(decorator);
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
}
