package org.mempred.predict;

import org.mempred.telemetry.Sample;

/**
 * Computes one {@link FeatureSet} from a stream of samples; the definitions and normalisations
 * are in {@link FeatureSet}'s comment.
 *
 * <p>Stateful: "seconds since the last prediction" and "growth trend" need the previous call, so
 * one extractor serves one prediction stream, called once per prediction in time order. Cost:
 * O(width), no allocation.
 */
public final class FeatureExtractor {
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double COMPACTION_SCALE = 64.0;
    private static final long SECOND_NANOS = 1_000_000_000L;

    /** Octaves per unit of the log-scaled demand features: 2^-24 of capacity maps to 0. */
    public static final double DEMAND_OCTAVES = 24.0;

    private final FeatureSet featureSet;
    private final double horizonSeconds;
    private final RequestHistory requests;
    private final SurgeTracker surges = new SurgeTracker();
    private final long horizonNanos;
    private long previousTimeNanos;
    private double previousGrowth;
    private boolean started;

    /** An extractor of {@code featureSet} for predictions over {@code horizonNanos}. */
    public FeatureExtractor(FeatureSet featureSet, long horizonNanos) {
        if (horizonNanos <= 0) {
            throw new IllegalArgumentException("horizonNanos=" + horizonNanos + " must be positive");
        }
        this.featureSet = featureSet;
        this.horizonSeconds = horizonNanos / NANOS_PER_SECOND;
        this.requests = RequestHistory.forHorizon(horizonNanos);
        this.horizonNanos = horizonNanos;
    }

    /** {@code max(0, 1 + log2(fraction) / 24)}: a fraction of capacity on the demand features' log scale. */
    public static double logScale(double fraction) {
        return fraction <= 0 ? 0.0 : Math.max(0.0, 1.0 + Math.log(fraction) / Math.log(2) / DEMAND_OCTAVES);
    }

    /** The inverse of {@link #logScale} for values in (0, 1]; 0 maps to 0. */
    public static double fromLogScale(double scaled) {
        return scaled <= 0 ? 0.0 : Math.min(1.0, Math.pow(2.0, (scaled - 1.0) * DEMAND_OCTAVES));
    }

    /** The set this extractor computes. */
    public FeatureSet featureSet() {
        return featureSet;
    }

    /** Writes the features of {@code sample} to {@code out[0 .. width)}; allocates nothing. */
    public void extract(Sample sample, double[] out) {
        if (out.length < featureSet.width()) {
            throw new IllegalArgumentException("out.length=" + out.length + " is below the width " + featureSet.width()
                    + " of " + featureSet.id());
        }
        if (started && sample.timeNanos() < previousTimeNanos) {
            throw new IllegalArgumentException("timeNanos=" + sample.timeNanos() + " is before the previous "
                    + previousTimeNanos + ": samples must come in time order");
        }
        double growth = projectedGrowth(sample);
        requests.add(sample);
        switch (featureSet) {
            case SEED -> seed(sample, out);
            case RICH -> rich(sample, growth, out);
            case DEMAND -> demand(sample, out);
            case VOLUME -> volume(sample, out);
            default -> throw new IllegalStateException("no extraction for " + featureSet);
        }
        previousTimeNanos = sample.timeNanos();
        previousGrowth = growth;
        started = true;
    }

    /** Forgets the previous call, as for a new stream. */
    public void reset() {
        started = false;
        previousTimeNanos = 0;
        previousGrowth = 0.0;
    }

    private void seed(Sample sample, double[] out) {
        double sinceLastSeconds = started ? (sample.timeNanos() - previousTimeNanos) / NANOS_PER_SECOND : 0.0;
        out[0] = allocationRate(sample);
        out[1] = (double) sample.freeBytes() / sample.capacityBytes();
        out[2] = sample.compactions() / (sample.compactions() + COMPACTION_SCALE);
        out[3] = sinceLastSeconds / (sinceLastSeconds + horizonSeconds);
    }

    private void demand(Sample sample, double[] out) {
        double largest = requests.largestFraction();
        out[0] = allocationRate(sample);
        out[1] = (double) sample.freeBytes() / sample.capacityBytes();
        out[2] = logScale(largest);
        out[3] = largest == 0 ? 0.0 : Math.min(1.0, requests.meanFraction() / largest);
    }

    private void volume(Sample sample, double[] out) {
        surges.add(sample.timeNanos(), sample.volumeFraction());
        double sinceOnset = surges.secondsSinceOnset(sample.timeNanos());
        out[0] = Target.labelOfVolume(requests.volumeFraction());
        out[1] = Target.labelOfVolume(requests.volumeFraction(SECOND_NANOS) * horizonNanos / SECOND_NANOS);
        out[2] = Double.isInfinite(sinceOnset) ? 1.0 : sinceOnset / (sinceOnset + horizonSeconds);
        out[3] = Math.min(1.0, (double) sample.classes().capacityBytes(0) / sample.capacityBytes());
    }

    private void rich(Sample sample, double growth, double[] out) {
        out[0] = sample.pressure();
        out[1] = sample.fragmentation();
        out[2] = (double) sample.largestFreeBytes() / sample.capacityBytes();
        out[3] = Math.tanh(growth);
        out[4] = started ? Math.tanh(growth - previousGrowth) : 0.0;
        out[5] = allocationRate(sample);
    }

    private static double allocationRate(Sample sample) {
        double heapsPerSecond = sample.allocBytesPerSecond() / sample.capacityBytes();
        return heapsPerSecond / (1.0 + heapsPerSecond);
    }

    private double projectedGrowth(Sample sample) {
        double netBytesPerSecond = sample.allocBytesPerSecond() - sample.freeBytesPerSecond();
        return netBytesPerSecond * horizonSeconds / sample.capacityBytes();
    }
}
