package org.mempred.predict;

import org.mempred.telemetry.Sample;

/**
 * Baseline {@code croston}: intermittent-demand forecasting of the volume (Croston 1972, in the
 * Teunter-Syntetos-Babai form that updates the chance of demand every period), for programs
 * whose large requests come in bursts with quiet gaps — packet buffers, batch jobs, waves of
 * clients. A {@link SurgeTracker} splits the volume series into a baseline rate and surge
 * episodes; their volume above the baseline and the gap between their onsets are smoothed
 * separately (weight {@value #ALPHA}), and the forecast over {@code (t, t + H]} is
 *
 * <pre>
 *   baseline rate * H                                         always, plus
 *   max(episode volume - so far, last rate excess * H)       inside an episode, else
 *   P(onset in H) * episode volume,   P = min(1, H / gap)     0 while t - onset + H &lt; shortest gap
 * </pre>
 *
 * <p>The next onset is never expected before the shortest gap seen: a program that bursts every
 * 10 s is quiet for the first 10 s after a burst began, which the mean rate of any smoother hides.
 * Before the second onset the gap is unknown and {@code P} is 0. The volume is returned as a
 * label ({@link Target#labelOfVolume}). Forecasts only {@link Target#VOLUME}. O(1), no allocation.
 */
public final class CrostonPredictor implements Predictor {
    /** The name it is created by. */
    public static final String NAME = "croston";
    /** Smoothing weight of episode volumes and gaps. */
    public static final double ALPHA = 0.3;

    private static final double NANOS_PER_SECOND = 1e9;

    private final FeatureSet featureSet;
    private final long horizonNanos;
    private final SurgeTracker surges = new SurgeTracker();
    private double episodeVolume = Double.NaN;
    private double gapNanos = Double.NaN;

    /** A Croston forecaster of the volume over {@code config}'s horizon. */
    public CrostonPredictor(PredictorConfig config) {
        if (config.target() != Target.VOLUME) {
            throw new IllegalArgumentException("predictor 'croston' forecasts the volume target, not '"
                    + config.target().id() + "'");
        }
        this.featureSet = config.featureSet();
        this.horizonNanos = config.horizonNanos();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FeatureSet featureSet() {
        return featureSet;
    }

    @Override
    public long horizonNanos() {
        return horizonNanos;
    }

    @Override
    public double predict(Sample sample, double[] features) {
        Checks.requireWidth(features, featureSet);
        long now = sample.timeNanos();
        surges.add(now, sample.volumeFraction());
        if (surges.episodeEnded()) {
            double volume = surges.lastEpisodeExcess();
            episodeVolume = Double.isNaN(episodeVolume) ? volume : episodeVolume + ALPHA * (volume - episodeVolume);
            long gap = surges.lastGapNanos();
            if (gap > 0) {
                gapNanos = Double.isNaN(gapNanos) ? gap : gapNanos + ALPHA * (gap - gapNanos);
            }
        }
        double horizonSeconds = horizonNanos / NANOS_PER_SECOND;
        double forecast = surges.baselineRate() * horizonSeconds;
        if (surges.inSurge()) {
            double excessRate = Math.max(0.0, surges.lastRate() - surges.baselineRate());
            double remaining = Double.isNaN(episodeVolume) ? 0.0 : episodeVolume - surges.episodeExcess();
            forecast += Math.max(remaining, excessRate * horizonSeconds);
        } else if (!Double.isNaN(episodeVolume) && !Double.isNaN(gapNanos)) {
            double sinceOnsetNanos = surges.secondsSinceOnset(now) * NANOS_PER_SECOND;
            if (sinceOnsetNanos + horizonNanos >= surges.shortestGapNanos()) {
                forecast += Math.min(1.0, horizonNanos / gapNanos) * episodeVolume;
            }
        }
        return Target.labelOfVolume(forecast);
    }

    @Override
    public void learn(double[] features, double label) {
        Checks.requireLearnable(features, featureSet, label);
    }

    @Override
    public Footprint footprint() {
        return Footprint.NONE;
    }
}
