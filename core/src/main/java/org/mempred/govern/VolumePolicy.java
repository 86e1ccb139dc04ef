package org.mempred.govern;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.mempred.heap.SizeClasses;
import org.mempred.predict.Predictor;
import org.mempred.predict.Target;
import org.mempred.telemetry.ClassDemand;
import org.mempred.telemetry.Sample;

/**
 * Predictive compaction by forecast volume: a program exhausts contiguous space by the volume of
 * its requests, not by the size of one, so the policy sets the contiguous capacity the heap has per
 * size class against the volume its predictor forecasts for the next horizon (docs/design.md
 * "Predictors"). Over that it keeps {@code reserve}'s one block of the largest request so far, so
 * a single large request finds its block between ticks whatever the forecast says.
 *
 * <p>Per tick, with the forecast volume {@code V} of the horizon {@code H} (all classes, widened
 * by the predictor's recent error: the report's adaptive thresholds), for each class {@code c}:
 *
 * <pre>
 *   share(c)   = volume of class c and larger / volume of all classes, over the recent past
 *                (exponentially decayed with time constant H)
 *   rate(c)    = V * share(c) / H                                          bytes per second
 *   drain(c)   = the share of class c's requested bytes that its capacity lost over the recent
 *                ticks without any compaction (frees give capacity back; 1 until measured)
 *   need(c)    = SPIKE * rate(c) * drain(c) * (tick + refill) * boost(c)   bytes
 *   supply(c)  = contiguous capacity of class c now (ClassDemand)
 *   short(c)   = supply(c) &lt; need(c)
 * </pre>
 *
 * <p><b>When</b> is ZGC's {@code rule_allocation_rate} ({@code zDirector.cpp}) per class: the
 * time until the class's capacity runs out at the forecast rate, {@code supply / rate}, against
 * the time until the next chance to act, one tick plus a refill (the rate limit's interval), with
 * ZGC's spike tolerance of 2 on the rate. <b>How much</b>: one free block as large as the largest
 * need of a short class (at most the free bytes), refilled at once through the governor's bounded
 * escalation — windows, a range slide, a full compaction only within the byte allowance — and
 * the rate limit; one block of the need is enough, as its capacity covers every class up to it.
 * <b>A failure</b> of a class by fragmentation raises its need at once by {@value #BOOST}× and the
 * boost halves every tick (Linux's {@code boost_watermark()}): a forecaster that missed a burst
 * is made to compact ahead for its class until the evidence fades.
 *
 * <p>Why the drain: ZGC's rule assumes no memory comes back before a collection, but a malloc
 * heap's frees return capacity all the time; a steady program that frees what it allocates drains
 * none, however large its volume, and compacting for its volume would only move bytes. The drain
 * is measured, not assumed: per class, an exponential average (weight {@value #DRAIN_WEIGHT}) of
 * {@code max(0, capacity before - capacity after) / bytes requested} over intervals in which
 * nothing was compacted, so compaction's own gains never count as frees.
 *
 * <p>A forecast of no volume leaves only the reserve. The same rule serves every forecaster
 * ({@code persistence}, {@code holt}, {@code zgc}, {@code croston}, {@code neural}, {@code
 * oracle}), so comparing them compares the forecasts. O(classes) per tick, no allocation.
 */
public final class VolumePolicy implements CompactionPolicy {
    /** ZGC's allocation spike tolerance: the forecast mean rate is doubled. */
    public static final double SPIKE = 2.0;
    /** A fragmentation failure multiplies its class's need by this much, halving every tick. */
    public static final double BOOST = 4.0;
    /** The time one refill needs before its block exists: the rate limit's interval at 10 per second. */
    public static final long REFILL_NANOS = 100_000_000L;
    /** Weight of a new measurement in the drain's average. */
    public static final double DRAIN_WEIGHT = 0.2;
    /** The tick interval assumed before two ticks were seen (the governor's default). */
    private static final long DEFAULT_TICK_NANOS = 500_000_000L;
    /** The largest forecast label read, so that the volume stays finite. */
    private static final double MAX_LABEL = 0.999;

    private final String name;
    private final Supplier<Predictor> predictors;
    private final double marginFraction;
    private final long horizonNanos;
    /** The block of the largest request so far that the policy keeps over its volume decision. */
    private final ReservePolicy floor;

    private final double[] recentVolume = new double[SizeClasses.COUNT];
    private final double[] boost = new double[SizeClasses.COUNT];
    private final double[] drain = new double[SizeClasses.COUNT];
    private final long[] lastCapacity = new long[SizeClasses.COUNT];
    private long lastCompactions = -1;
    /** The class whose need the last {@link #need} call returned, {@link SizeClasses#NONE} if none. */
    private int shortClass = SizeClasses.NONE;

    private long lastTimeNanos = Long.MIN_VALUE;

    /**
     * A policy called {@code name} whose volume predictors come from {@code predictors}, waking for
     * its reserve only while free bytes exceed it by {@code marginFraction} of it, over a forecast
     * horizon of {@code horizonNanos}.
     */
    public VolumePolicy(String name, Supplier<Predictor> predictors, double marginFraction, long horizonNanos) {
        if (horizonNanos <= 0) {
            throw new IllegalArgumentException(
                    "policy '" + name + "': horizonNanos=" + horizonNanos + " must be positive");
        }
        this.floor = new ReservePolicy(name, marginFraction, horizonNanos); // checks the margin
        this.name = name;
        this.predictors = predictors;
        this.marginFraction = marginFraction;
        this.horizonNanos = horizonNanos;
        Arrays.fill(boost, 1.0);
        Arrays.fill(drain, 1.0);
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
        return Target.VOLUME;
    }

    @Override
    public Predictor newPredictor() {
        return predictors.get();
    }

    /** The same policy whose predictors pass through {@code decorator} (e.g. to time them). */
    public VolumePolicy decorated(UnaryOperator<Predictor> decorator) {
        return new VolumePolicy(name, () -> decorator.apply(predictors.get()), marginFraction, horizonNanos);
    }

    @Override
    public Proposal decide(Sample sample, double prediction, double recentError) {
        long now = sample.timeNanos();
        long tickNanos = lastTimeNanos == Long.MIN_VALUE ? DEFAULT_TICK_NANOS : Math.max(1, now - lastTimeNanos);
        lastTimeNanos = now;
        observe(sample, tickNanos);
        Proposal kept = floor.decide(sample, Double.NaN, 0.0);
        int reserve = kept.targetBytes();

        double forecastLabel = Double.isNaN(prediction) ? 0.0 : Math.min(MAX_LABEL, prediction + recentError);
        double volumeBytes = Target.volumeOf(forecastLabel) * sample.capacityBytes();
        double need = need(sample.classes(), volumeBytes / horizonNanos, tickNanos + REFILL_NANOS);
        int refill = (int) Math.min(sample.freeBytes(), Math.ceil(need));
        String reason = String.format(
                Locale.ROOT,
                "%s: forecast volume %.0f B over %d ms (+ recent error), reserve %d B%s",
                name,
                volumeBytes,
                horizonNanos / 1_000_000,
                reserve,
                shortClass == SizeClasses.NONE
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "; class >= %d B short: capacity %d B < need %d B",
                                SizeClasses.lowerEdgeBytes(shortClass),
                                sample.classes().capacityBytes(shortClass),
                                refill));
        if (reserve == 0 && refill <= sample.largestFreeBytes()) {
            return Proposal.idle(reason);
        }
        Proposal proposal = Proposal.reserve(reserve, kept.marginBytes(), kept.expectedBytes(), reason);
        return refill > sample.largestFreeBytes() ? proposal.withRefill(refill) : proposal;
    }

    /** Folds the tick's figures into the recent volumes, the boosts and the drains. */
    private void observe(Sample sample, long tickNanos) {
        ClassDemand classes = sample.classes();
        double decay = Math.exp(-(double) tickNanos / horizonNanos);
        boolean uncompacted = sample.compactions() == lastCompactions;
        lastCompactions = sample.compactions();
        long requested = 0; // bytes of class c and every larger one, summed from the top down
        long failed = 0;
        for (int c = SizeClasses.COUNT - 1; c >= 0; c--) {
            requested += classes.volumeBytes(c);
            failed += classes.failedBytes(c);
            recentVolume[c] = recentVolume[c] * decay + classes.volumeBytes(c);
            boost[c] = failed > 0 ? BOOST : 1.0 + (boost[c] - 1.0) * 0.5;
            if (uncompacted && requested > 0) {
                double lost = Math.max(0, lastCapacity[c] - classes.capacityBytes(c));
                drain[c] += DRAIN_WEIGHT * (Math.min(1.0, lost / requested) - drain[c]);
            }
            lastCapacity[c] = classes.capacityBytes(c);
        }
    }

    /**
     * The largest need of a class short of it at {@code ratePerNano} bytes per nanosecond over
     * {@code windowNanos}, 0 when none is short; sets {@link #shortClass} to that class.
     */
    private double need(ClassDemand classes, double ratePerNano, double windowNanos) {
        double total = 0.0;
        for (int c = 0; c < SizeClasses.COUNT; c++) {
            total += recentVolume[c];
        }
        double need = 0.0;
        double from = total;
        shortClass = SizeClasses.NONE;
        for (int c = 0; c < SizeClasses.COUNT && from > 0; c++) {
            double share = from / total;
            double classNeed = SPIKE * ratePerNano * share * drain[c] * windowNanos * boost[c];
            if (classNeed > classes.capacityBytes(c) && classNeed > need) {
                need = classNeed;
                shortClass = c;
            }
            from -= recentVolume[c];
        }
        return need;
    }
}
