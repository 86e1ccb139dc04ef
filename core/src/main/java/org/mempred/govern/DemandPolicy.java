package org.mempred.govern;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.mempred.predict.Predictor;
import org.mempred.predict.Target;
import org.mempred.telemetry.Sample;

/**
 * Predictive compaction by forecast demand: the predictor forecasts the largest request of the
 * next horizon (as a fraction of capacity), and the reserve is set to that forecast plus a margin
 * of the predictor's own recent mean absolute error — the seed report's "adaptive thresholds based
 * on prediction confidence": a predictor that has been wrong lately keeps a larger reserve. The
 * heap then wakes the governor whenever an allocation leaves less contiguous space than that, and
 * the governor evacuates one window of that size (through the rate limit).
 *
 * <p>The same rule serves every predictor ({@code neural}, {@code holt}, {@code zgc},
 * {@code persistence}, {@code oracle}), so that comparing them compares the forecasts and nothing
 * else. A forecast of 0 (no request expected) turns the reserve off.
 *
 * <p>A forecast of at least twice every request of the last horizon is a surge: only then may the
 * escalation run a full compaction for it (see {@link ReserveEscalation}); a forecast of the
 * steady demand is left to the cheaper steps.
 */
public final class DemandPolicy implements CompactionPolicy {
    /** Default wake-up margin, as a fraction of the reserve: none (see {@link PolicySpec}). */
    public static final double DEFAULT_MARGIN = 0.0;
    /** Largest wake-up margin accepted. */
    public static final double MAX_MARGIN = 4.0;

    private final String name;
    private final Supplier<Predictor> predictors;
    private final double marginFraction;
    private final long horizonNanos;
    private final RecentLargest recent;

    /**
     * A policy called {@code name} whose demand-forecasting predictors come from {@code predictors},
     * waking the governor only while free bytes exceed the reserve by {@code marginFraction} of it.
     */
    public DemandPolicy(String name, Supplier<Predictor> predictors, double marginFraction, long horizonNanos) {
        this.name = name;
        this.predictors = predictors;
        this.marginFraction = checkMargin(name, marginFraction);
        this.horizonNanos = horizonNanos;
        this.recent = new RecentLargest(horizonNanos);
    }

    /** {@code marginFraction} if it is in [0, {@value #MAX_MARGIN}]; otherwise throws naming the policy. */
    static double checkMargin(String name, double marginFraction) {
        if (!(marginFraction >= 0 && marginFraction <= MAX_MARGIN)) {
            throw new IllegalArgumentException("policy '" + name + "': the wake-up margin " + marginFraction
                    + " must be in [0, " + MAX_MARGIN + "] (a fraction of the reserve)");
        }
        return marginFraction;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long horizonNanos() {
        return horizonNanos;
    }

    @Override
    public Target target() {
        return Target.DEMAND;
    }

    @Override
    public Predictor newPredictor() {
        return predictors.get();
    }

    /** The same policy whose predictors pass through {@code decorator} (e.g. to time them). */
    public DemandPolicy decorated(UnaryOperator<Predictor> decorator) {
        return new DemandPolicy(name, () -> decorator.apply(predictors.get()), marginFraction, horizonNanos);
    }

    @Override
    public Proposal decide(Sample sample, double prediction, double recentError) {
        double fraction = Math.min(1.0, prediction + recentError);
        int target = (int) Math.ceil(fraction * sample.capacityBytes());
        String reason = String.format(
                Locale.ROOT,
                "%s: forecast demand %.4f + recent error %.4f of capacity = reserve %d B",
                name,
                prediction,
                recentError,
                target);
        int forecast = (int) Math.ceil(Math.min(1.0, prediction) * sample.capacityBytes());
        int expected = recent.surge(sample.timeNanos(), forecast);
        recent.add(sample.timeNanos(), sample.requests().largestBytes());
        return target <= 0
                ? Proposal.idle(reason)
                : Proposal.reserve(target, (int) (marginFraction * target), expected, reason);
    }
}
