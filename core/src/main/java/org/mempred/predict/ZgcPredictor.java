package org.mempred.predict;

import org.mempred.telemetry.ArrayBytes;
import org.mempred.telemetry.Sample;

/**
 * Baseline {@code zgc}: the allocation-rate rule of ZGC's director ({@code
 * src/hotspot/share/gc/z/zDirector.cpp}, {@code rule_allocation_rate}), turned into a predicted
 * peak pressure.
 *
 * <p>The last {@code windowSamples} allocation rates ({@link Sample#allocBytesPerSecond()}) are
 * kept in a ring; their mean {@code avg} and population standard deviation {@code sd} give a
 * conservative rate {@code r = avg + 3.29 * sd} (ZGC's {@code one_in_1000} = 3.290527: a rate
 * sample exceeds it with probability about 1 in 1000). ZGC compares the time to exhaustion {@code
 * T = free / r} with the time a collection needs; here it is compared with the horizon H: the rule
 * assumes allocation at {@code r} with no frees, so
 *
 * <pre>
 *   q = p + (1 - p) * min(1, H / T)  =  p + min(free, r * H) / capacity
 * </pre>
 *
 * <p>For {@link Target#VOLUME} it is ZGC's rule itself, on the allocation rate of the size
 * classes: each sample adds the rate of the last second ({@link RequestHistory#volumeFraction(long)},
 * capacities per second; ZGC samples 1 s sums at 10 Hz, here at every tick), and the forecast
 * volume over H is {@code (2 * avg + 3.29 * sd) * H} — ZGC's {@code ZAllocationSpikeTolerance}
 * of 2 and its {@code one_in_1000} spread — as a label ({@link Target#labelOfVolume}).
 *
 * <p>For {@link Target#DEMAND} the same rule is applied to request sizes instead of rates: the
 * forecast largest request is {@code mean + 3.29 * sd} of the request sizes of the last H (over
 * capacity, at most 1).
 *
 * <p>That is {@code q = 1} when exhaustion is predicted within the horizon ({@code T <= H}) and
 * otherwise the pressure reached after H at rate {@code r}. {@code r = 0} gives {@code q = p}. The
 * value lies in [p, 1] by construction (no clamping). Cost O(windowSamples) per prediction, no
 * allocation.
 */
public final class ZgcPredictor implements Predictor {
    /** The name it is created by (see the forecaster registry, {@code PolicySpec.Forecaster} in {@code govern}). */
    public static final String NAME = "zgc";

    /** Default window: 10 samples, 5 s of 500 ms governor ticks. */
    public static final int DEFAULT_WINDOW_SAMPLES = 10;

    /** Standard deviations added to the mean rate (ZGC's one_in_1000: 3.29). */
    public static final double SIGMAS = 3.29;
    /** ZGC's allocation spike tolerance: the mean rate is doubled. */
    public static final double SPIKE_TOLERANCE = 2.0;

    private static final long SECOND_NANOS = 1_000_000_000L;

    private static final double NANOS_PER_SECOND = 1e9;

    private final FeatureSet featureSet;
    private final long horizonNanos;
    private final double[] ratesBytesPerSecond;
    private final Target target;
    private final RequestHistory history;
    private int next;
    private int count;

    /** A ZGC-rule predictor over the default window. */
    public ZgcPredictor(PredictorConfig config) {
        this(config, DEFAULT_WINDOW_SAMPLES);
    }

    /** A ZGC-rule predictor averaging the last {@code windowSamples} allocation rates. */
    public ZgcPredictor(PredictorConfig config, int windowSamples) {
        if (windowSamples < 1) {
            throw new IllegalArgumentException("windowSamples=" + windowSamples + " must be at least 1");
        }
        this.featureSet = config.featureSet();
        this.horizonNanos = config.horizonNanos();
        this.target = config.target();
        this.history = RequestHistory.forHorizon(config.horizonNanos());
        this.ratesBytesPerSecond = new double[windowSamples];
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
        if (target == Target.DEMAND) {
            history.add(sample);
            return Math.min(1.0, history.meanFraction() + SIGMAS * history.sdFraction());
        }
        if (target == Target.VOLUME) {
            history.add(sample);
            addRate(history.volumeFraction(SECOND_NANOS));
            double capacitiesPerSecond = SPIKE_TOLERANCE * mean() + SIGMAS * sd();
            return Target.labelOfVolume(capacitiesPerSecond * (horizonNanos / NANOS_PER_SECOND));
        }
        addRate(sample.allocBytesPerSecond());
        double bytesPerHorizon = conservativeRateBytesPerSecond() * (horizonNanos / NANOS_PER_SECOND);
        double consumedBytes = Math.min(sample.freeBytes(), bytesPerHorizon);
        return (sample.usedBytes() + consumedBytes) / sample.capacityBytes();
    }

    private void addRate(double rate) {
        ratesBytesPerSecond[next] = rate;
        next = next + 1 == ratesBytesPerSecond.length ? 0 : next + 1;
        count = Math.min(count + 1, ratesBytesPerSecond.length);
    }

    private double mean() {
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            sum += ratesBytesPerSecond[i];
        }
        return sum / count;
    }

    private double sd() {
        double mean = mean();
        double squares = 0.0;
        for (int i = 0; i < count; i++) {
            double deviation = ratesBytesPerSecond[i] - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / count);
    }

    /** {@code avg + 3.29 * sd} of the rates in the window. */
    double conservativeRateBytesPerSecond() {
        return mean() + SIGMAS * sd();
    }

    @Override
    public void learn(double[] features, double peakPressure) {
        Checks.requireLearnable(features, featureSet, peakPressure);
    }

    @Override
    public Footprint footprint() {
        return new Footprint(0, 0, ArrayBytes.ofDoubles(ratesBytesPerSecond.length));
    }
}
