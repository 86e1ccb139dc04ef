package org.mempred.lab.workload;

import java.util.SplittableRandom;

/**
 * The target level of a stressor over time: what share of the heap its live set should fill,
 * and how fast its requests arrive. This is the temporal structure that makes the next few
 * seconds partly predictable.
 *
 * <pre>
 *  level
 *   ^            burst                                   phase k+1
 *   |            ____                          ____________________
 *   |   ramp   _/    \      phase k           /  ramp (3-8 s)
 *   |  ______/ lead   \______________________/
 *   |_/                                                      target + swing * offset
 *   +--------------------------------------------------------------&gt; t
 * </pre>
 *
 * <p>{@code level(t) = target + swing * (phaseOffset(t) + burst(t) - meanBurst)}, where:
 * <ul>
 *   <li>{@code phaseOffset}: phases come in antithetic pairs: the first phase of a pair draws a
 *       length uniform in the pattern's phase range and an offset {@code u} uniform in [-1, 1],
 *       the second has the same length and offset {@code -u}. Each phase reaches its offset by a
 *       linear ramp from the previous one. So every pair averages to (nearly) zero, and the mean
 *       level is on target over any run of a few pairs, not only in expectation.
 *   <li>{@code burst}: bursts arrive after exponential gaps; during the lead-in the level rises
 *       linearly to {@code burstLevel} and the request rate to {@code burstRateFactor} times the
 *       base (so a rising allocation rate announces the peak), both stay there for the burst,
 *       then drop. {@code meanBurst} ({@link TemporalPattern#meanBurstLevel}) is subtracted so that
 *       the long-run mean of the level is exactly the target.
 * </ul>
 * The level is clamped to [0.01, 1]; the stressor's swing is chosen so that the clamp is rarely
 * reached. Cost: O(1) amortised per {@link #advanceTo}; draws come from its own random source in
 * time order, so the process is a pure function of the seed. Times must not decrease.
 */
final class LevelProcess {
    private static final double MIN_LEVEL = 0.01;

    private final TemporalPattern pattern;
    private final double targetPressure;
    private final double swing;
    private final double meanBurst;
    private final SplittableRandom random;

    private long nowNanos;
    private long rampStartNanos;
    private long rampEndNanos;
    private long phaseEndNanos;
    private double fromOffset;
    private double toOffset;
    private long pairPhaseNanos;
    private boolean secondOfPair;
    private long burstStartNanos = Long.MAX_VALUE;
    private long burstEndNanos;
    private double level;
    private double rateFactor = 1.0;

    LevelProcess(TemporalPattern pattern, double targetPressure, double swing, SplittableRandom random) {
        this.pattern = pattern;
        this.targetPressure = targetPressure;
        this.swing = swing;
        this.meanBurst = pattern.meanBurstLevel();
        this.random = random;
        startPhase(0);
        this.fromOffset = toOffset;
        this.rampEndNanos = 0;
        if (pattern.hasBursts()) {
            scheduleBurstAfter(0);
        }
        advanceTo(0);
    }

    /** Moves to {@code timeNanos} (non-decreasing) and updates {@link #level} and {@link #rateFactor}. */
    void advanceTo(long timeNanos) {
        if (timeNanos < nowNanos) {
            throw new IllegalArgumentException("timeNanos=" + timeNanos + " is before nowNanos=" + nowNanos);
        }
        nowNanos = timeNanos;
        while (timeNanos >= phaseEndNanos) {
            startPhase(phaseEndNanos);
        }
        while (pattern.hasBursts() && timeNanos >= burstEndNanos) {
            scheduleBurstAfter(burstEndNanos);
        }
        double offset = timeNanos >= rampEndNanos
                ? toOffset
                : fromOffset + (toOffset - fromOffset) * (timeNanos - rampStartNanos) / (rampEndNanos - rampStartNanos);
        double burstShare = burstShare(timeNanos);
        double raw = targetPressure + swing * (offset + pattern.burstLevel() * burstShare - meanBurst);
        level = Math.max(MIN_LEVEL, Math.min(1.0, raw));
        rateFactor = 1.0 + (pattern.burstRateFactor() - 1.0) * burstShare;
    }

    /** Target share of the heap the live set should fill now, in [0.01, 1]. */
    double level() {
        return level;
    }

    /** Multiplier of the base request rate now (1 outside bursts). */
    double rateFactor() {
        return rateFactor;
    }

    /** 0 outside a burst, rising linearly to 1 over the lead-in, 1 during the burst. */
    private double burstShare(long timeNanos) {
        long leadStart = burstStartNanos - pattern.burstLeadNanos();
        if (timeNanos < leadStart || timeNanos >= burstEndNanos) {
            return 0.0;
        }
        if (timeNanos >= burstStartNanos) {
            return 1.0;
        }
        return (double) (timeNanos - leadStart) / pattern.burstLeadNanos();
    }

    private void startPhase(long startNanos) {
        fromOffset = toOffset;
        if (secondOfPair) {
            toOffset = -toOffset;
        } else {
            toOffset = uniform(-1.0, 1.0);
            pairPhaseNanos = uniformNanos(pattern.minPhaseNanos(), pattern.maxPhaseNanos());
        }
        secondOfPair = !secondOfPair;
        rampStartNanos = startNanos;
        rampEndNanos = startNanos + uniformNanos(pattern.minRampNanos(), pattern.maxRampNanos());
        phaseEndNanos = startNanos + pairPhaseNanos;
    }

    private void scheduleBurstAfter(long afterNanos) {
        double gap = -Math.log(1.0 - random.nextDouble()) * pattern.meanBurstGapNanos();
        burstStartNanos = afterNanos + pattern.burstLeadNanos() + (long) gap;
        burstEndNanos = burstStartNanos + uniformNanos(pattern.minBurstNanos(), pattern.maxBurstNanos());
    }

    private double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    private long uniformNanos(long min, long max) {
        return min == max ? min : min + random.nextLong(max - min + 1);
    }
}
