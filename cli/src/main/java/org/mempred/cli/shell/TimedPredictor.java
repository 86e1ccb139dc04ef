package org.mempred.cli.shell;

import org.HdrHistogram.Histogram;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.Footprint;
import org.mempred.predict.Predictor;
import org.mempred.predict.WrappingPredictor;
import org.mempred.telemetry.Sample;

/**
 * Times every {@code predict} and {@code learn} of the predictor it wraps, on the wall clock,
 * into shared HdrHistograms (nanoseconds, 3 significant digits). The governor thread records and
 * the shell thread reads, so recording and reading synchronize on the {@link Latencies}.
 */
final class TimedPredictor implements WrappingPredictor {
    private final Predictor inner;
    private final Latencies latencies;

    TimedPredictor(Predictor inner, Latencies latencies) {
        this.inner = inner;
        this.latencies = latencies;
    }

    @Override
    public Predictor wrapped() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public FeatureSet featureSet() {
        return inner.featureSet();
    }

    @Override
    public long horizonNanos() {
        return inner.horizonNanos();
    }

    @Override
    public double predict(Sample sample, double[] features) {
        long start = System.nanoTime();
        double prediction = inner.predict(sample, features);
        latencies.record(latencies.predict, System.nanoTime() - start);
        return prediction;
    }

    @Override
    public void learn(double[] features, double peakPressure) {
        long start = System.nanoTime();
        inner.learn(features, peakPressure);
        latencies.record(latencies.train, System.nanoTime() - start);
    }

    @Override
    public Footprint footprint() {
        return inner.footprint();
    }

    /** The predict and train latency histograms of one shell session. */
    static final class Latencies {
        final Histogram predict = new Histogram(3_600_000_000_000L, 3);
        final Histogram train = new Histogram(3_600_000_000_000L, 3);

        synchronized void record(Histogram histogram, long nanos) {
            histogram.recordValue(Math.max(0, Math.min(nanos, histogram.getHighestTrackableValue())));
        }

        /** One line: count, mean, p50, p95, p99, max in µs. */
        synchronized String line(String what, Histogram h) {
            if (h.getTotalCount() == 0) {
                return String.format("  %-8s no samples yet", what);
            }
            return String.format(
                    java.util.Locale.ROOT,
                    "  %-8s n=%d  mean %.2f us  p50 %.2f us  p95 %.2f us  p99 %.2f us  max %.2f us",
                    what,
                    h.getTotalCount(),
                    h.getMean() / 1e3,
                    h.getValueAtPercentile(50) / 1e3,
                    h.getValueAtPercentile(95) / 1e3,
                    h.getValueAtPercentile(99) / 1e3,
                    h.getMaxValue() / 1e3);
        }
    }
}
