package org.mempred.lab.workload;

/**
 * The temporal structure of a stressor's target level (see {@link LevelProcess}): phases with
 * ramps between them, and bursts announced by a lead-in. Times are nanoseconds; levels are in
 * units of the stressor's swing (so 1.0 = one full swing above the target).
 *
 * @param minPhaseNanos shortest phase (a phase holds one level, reached by a ramp at its start)
 * @param maxPhaseNanos longest phase
 * @param minRampNanos shortest ramp from the previous phase's level to the new one
 * @param maxRampNanos longest ramp (at most {@code minPhaseNanos})
 * @param meanBurstGapNanos mean gap between bursts (exponential); 0 disables bursts
 * @param minBurstNanos shortest burst
 * @param maxBurstNanos longest burst
 * @param burstLeadNanos lead-in before each burst: the rate and the level start rising
 * @param burstLevel extra level during a burst, in swings
 * @param burstRateFactor request-rate multiplier at the height of a burst (at least 1)
 */
public record TemporalPattern(
        long minPhaseNanos,
        long maxPhaseNanos,
        long minRampNanos,
        long maxRampNanos,
        long meanBurstGapNanos,
        long minBurstNanos,
        long maxBurstNanos,
        long burstLeadNanos,
        double burstLevel,
        double burstRateFactor) {

    private static final long SECOND_NANOS = 1_000_000_000L;

    /** Phases of 20–60 s with 3–8 s ramps; a 1–3 s burst every ~30 s, announced 2 s ahead. */
    public static final TemporalPattern KERNEL = new TemporalPattern(
            20 * SECOND_NANOS,
            60 * SECOND_NANOS,
            3 * SECOND_NANOS,
            8 * SECOND_NANOS,
            30 * SECOND_NANOS,
            SECOND_NANOS,
            3 * SECOND_NANOS,
            2 * SECOND_NANOS,
            0.6,
            3.0);

    /** Network-like: short phases, frequent sharp bursts with a short lead-in. */
    public static final TemporalPattern BURSTY = new TemporalPattern(
            10 * SECOND_NANOS,
            30 * SECOND_NANOS,
            SECOND_NANOS,
            3 * SECOND_NANOS,
            12 * SECOND_NANOS,
            SECOND_NANOS / 2,
            2 * SECOND_NANOS,
            SECOND_NANOS,
            0.8,
            4.0);

    /** Cache-like: long phases joined by slow ramps, no bursts. */
    public static final TemporalPattern SLOW_RAMPS = new TemporalPattern(
            60 * SECOND_NANOS, 180 * SECOND_NANOS, 15 * SECOND_NANOS, 40 * SECOND_NANOS, 0, 0, 0, 0, 0.0, 1.0);

    /** Checks the ordering of every range. */
    public TemporalPattern {
        if (minPhaseNanos <= 0 || maxPhaseNanos < minPhaseNanos) {
            throw new IllegalArgumentException(
                    "phase range [" + minPhaseNanos + ", " + maxPhaseNanos + "] ns is empty");
        }
        if (minRampNanos <= 0 || maxRampNanos < minRampNanos || maxRampNanos > minPhaseNanos) {
            throw new IllegalArgumentException("ramp range [" + minRampNanos + ", " + maxRampNanos
                    + "] ns must be non-empty, positive and within minPhaseNanos=" + minPhaseNanos);
        }
        if (meanBurstGapNanos < 0 || (meanBurstGapNanos > 0 && (minBurstNanos <= 0 || maxBurstNanos < minBurstNanos))) {
            throw new IllegalArgumentException("burst gap " + meanBurstGapNanos + " ns with burst range ["
                    + minBurstNanos + ", " + maxBurstNanos + "] ns is invalid");
        }
        if (burstLeadNanos < 0 || !(burstLevel >= 0.0) || !(burstRateFactor >= 1.0)) {
            throw new IllegalArgumentException("burstLeadNanos=" + burstLeadNanos + ", burstLevel=" + burstLevel
                    + ", burstRateFactor=" + burstRateFactor + " must be >= 0, >= 0, >= 1");
        }
    }

    /** Whether bursts happen at all. */
    public boolean hasBursts() {
        return meanBurstGapNanos > 0;
    }

    /**
     * The long-run mean of the burst term, in swings: a burst adds {@code burstLevel} while on and
     * half of it on average during its linear lead-in, once per lead + gap + burst cycle.
     */
    public double meanBurstLevel() {
        if (!hasBursts()) {
            return 0.0;
        }
        double meanBurst = (minBurstNanos + maxBurstNanos) / 2.0;
        double cycle = burstLeadNanos + meanBurstGapNanos + meanBurst;
        return burstLevel * (meanBurst + burstLeadNanos / 2.0) / cycle;
    }
}
