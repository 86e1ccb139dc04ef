package org.mempred.predict;

/**
 * Finds surges in the per-sample volume series: samples whose volume rate exceeds twice a slowly
 * smoothed baseline rate (plus a floor of {@value #FLOOR_CAPACITIES_PER_SECOND} capacities per
 * second, so that a quiet heap's first request is no surge). Consecutive surge samples form one
 * episode; the tracker keeps the episode's onset, its volume above the baseline so far, and the
 * gap between onsets — the quantities intermittent-demand forecasting smooths separately (Croston,
 * Teunter-Syntetos-Babai), and the time structure a learner needs to see.
 *
 * <p>The baseline is an exponential moving average of the rate over non-surge samples (weight
 * {@value #BASELINE_WEIGHT}), so a surge does not raise the level it is measured against. Rates
 * are in capacities per second. O(1) per sample, no allocation.
 */
public final class SurgeTracker {
    /** A rate above this many times the baseline is a surge. */
    public static final double SURGE_FACTOR = 2.0;
    /** The smallest excess over the baseline that counts, in capacities per second. */
    public static final double FLOOR_CAPACITIES_PER_SECOND = 0.01;
    /** Weight of a new non-surge rate in the baseline. */
    public static final double BASELINE_WEIGHT = 0.1;

    private static final double NANOS_PER_SECOND = 1e9;

    private double baseline = Double.NaN;
    private long lastTimeNanos = Long.MIN_VALUE;
    private double lastRate;
    private boolean inSurge;
    private long onsetNanos = Long.MIN_VALUE;
    private double episodeExcess;
    private long episodes;
    private double lastEpisodeExcess;
    private long lastGapNanos = -1;
    private long shortestGapNanos = Long.MAX_VALUE;
    private boolean episodeEnded;

    /** A tracker that has seen no sample. */
    public SurgeTracker() {
        // state starts empty
    }

    /** Adds the volume {@code capacities} (over capacity) requested in the interval ending at {@code timeNanos}. */
    public void add(long timeNanos, double capacities) {
        episodeEnded = false;
        if (lastTimeNanos == Long.MIN_VALUE || timeNanos <= lastTimeNanos) {
            lastTimeNanos = timeNanos;
            return;
        }
        double seconds = (timeNanos - lastTimeNanos) / NANOS_PER_SECOND;
        lastTimeNanos = timeNanos;
        double rate = capacities / seconds;
        lastRate = rate;
        if (Double.isNaN(baseline)) {
            baseline = rate;
            return;
        }
        boolean surge = rate > SURGE_FACTOR * baseline + FLOOR_CAPACITIES_PER_SECOND;
        if (surge) {
            if (!inSurge) {
                if (onsetNanos != Long.MIN_VALUE) {
                    lastGapNanos = timeNanos - onsetNanos;
                    shortestGapNanos = Math.min(shortestGapNanos, lastGapNanos);
                }
                onsetNanos = timeNanos;
                episodeExcess = 0.0;
                inSurge = true;
            }
            episodeExcess += (rate - baseline) * seconds;
        } else {
            if (inSurge) {
                inSurge = false;
                episodes++;
                lastEpisodeExcess = episodeExcess;
                episodeEnded = true;
            }
            baseline += BASELINE_WEIGHT * (rate - baseline);
        }
    }

    /** The baseline rate, capacities per second; 0 before two samples. */
    public double baselineRate() {
        return Double.isNaN(baseline) ? 0.0 : baseline;
    }

    /** The rate of the last interval, capacities per second. */
    public double lastRate() {
        return lastRate;
    }

    /** Whether the last sample was part of a surge. */
    public boolean inSurge() {
        return inSurge;
    }

    /** Whether the last sample ended an episode (its volume is then {@link #lastEpisodeExcess()}). */
    public boolean episodeEnded() {
        return episodeEnded;
    }

    /** Volume above the baseline of the episode in progress, capacities. */
    public double episodeExcess() {
        return inSurge ? episodeExcess : 0.0;
    }

    /** Volume above the baseline of the last finished episode, capacities. */
    public double lastEpisodeExcess() {
        return lastEpisodeExcess;
    }

    /** Finished episodes. */
    public long episodes() {
        return episodes;
    }

    /** Seconds since the last onset at {@code timeNanos}; infinite before any. */
    public double secondsSinceOnset(long timeNanos) {
        return onsetNanos == Long.MIN_VALUE ? Double.POSITIVE_INFINITY : (timeNanos - onsetNanos) / NANOS_PER_SECOND;
    }

    /** The gap between the last two onsets in nanoseconds; -1 before two onsets. */
    public long lastGapNanos() {
        return lastGapNanos;
    }

    /** The shortest gap between onsets seen, nanoseconds; {@link Long#MAX_VALUE} before two onsets. */
    public long shortestGapNanos() {
        return shortestGapNanos;
    }
}
