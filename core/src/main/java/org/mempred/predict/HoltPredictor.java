package org.mempred.predict;

import org.mempred.telemetry.Sample;

/**
 * Baseline {@code holt}: Holt's double exponential smoothing of the series of the target's value
 * over the last H ({@link Target#recent}: the volume of the last H, its largest request, or the
 * pressure), extrapolated linearly over the horizon.
 *
 * <p>Per sample {@code y} after {@code d} seconds (irregular spacing handled by a per-second
 * trend):
 *
 * <pre>
 *   level' = alpha * y + (1 - alpha) * (level + trend * d)
 *   trend' = beta * (level' - level) / d + (1 - beta) * trend
 *   peak over (t, t + H] = level' + max(0, trend' * H)
 * </pre>
 *
 * <p>The first sample sets {@code level = y, trend = 0}. The linear forecast of a pressure can
 * leave [0, 1]; since pressure cannot, the forecast saturates at the bounds as part of the model,
 * and every saturated forecast is counted ({@link #saturatedForecasts()}) so it is visible, not
 * silent. Defaults alpha = 0.5, beta = 0.2. Reference: C. C. Holt, "Forecasting seasonals and
 * trends by exponentially weighted moving averages" (1957). Cost O(1), no allocation.
 */
public final class HoltPredictor implements Predictor {
    /** The name it is created by (see the forecaster registry, {@code PolicySpec.Forecaster} in {@code govern}). */
    public static final String NAME = "holt";

    /** Default level smoothing weight. */
    public static final double DEFAULT_ALPHA = 0.5;

    /** Default trend smoothing weight. */
    public static final double DEFAULT_BETA = 0.2;

    private static final double NANOS_PER_SECOND = 1e9;

    private final FeatureSet featureSet;
    private final long horizonNanos;
    private final double alpha;
    private final double beta;
    private final Target target;
    private final RequestHistory history;
    private double level;
    private double trendPerSecond;
    private long lastTimeNanos;
    private boolean started;
    private long saturatedForecasts;

    /** A Holt predictor with the default smoothing weights. */
    public HoltPredictor(PredictorConfig config) {
        this(config, DEFAULT_ALPHA, DEFAULT_BETA);
    }

    /** A Holt predictor with smoothing weights {@code alpha} (level) and {@code beta} (trend). */
    public HoltPredictor(PredictorConfig config, double alpha, double beta) {
        if (!(alpha > 0.0 && alpha <= 1.0 && beta > 0.0 && beta <= 1.0)) {
            throw new IllegalArgumentException("alpha=" + alpha + " and beta=" + beta + " must lie in (0, 1]");
        }
        this.featureSet = config.featureSet();
        this.horizonNanos = config.horizonNanos();
        this.target = config.target();
        this.history = RequestHistory.forHorizon(config.horizonNanos());
        this.alpha = alpha;
        this.beta = beta;
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
        history.add(sample);
        smooth(target.recent(sample, history), sample.timeNanos());
        double forecast = level + Math.max(0.0, trendPerSecond * (horizonNanos / NANOS_PER_SECOND));
        if (forecast > 1.0 || forecast < 0.0) {
            saturatedForecasts++;
            return forecast > 1.0 ? 1.0 : 0.0;
        }
        return forecast;
    }

    private void smooth(double pressure, long timeNanos) {
        if (!started) {
            level = pressure;
            trendPerSecond = 0.0;
            started = true;
        } else if (timeNanos > lastTimeNanos) {
            double seconds = (timeNanos - lastTimeNanos) / NANOS_PER_SECOND;
            double previousLevel = level;
            level = alpha * pressure + (1.0 - alpha) * (level + trendPerSecond * seconds);
            trendPerSecond = beta * (level - previousLevel) / seconds + (1.0 - beta) * trendPerSecond;
        } else {
            level = alpha * pressure + (1.0 - alpha) * level;
        }
        lastTimeNanos = timeNanos;
    }

    @Override
    public void learn(double[] features, double peakPressure) {
        Checks.requireLearnable(features, featureSet, peakPressure);
    }

    /** Forecasts that left [0, 1] and were saturated at a bound by the model. */
    public long saturatedForecasts() {
        return saturatedForecasts;
    }

    @Override
    public Footprint footprint() {
        return Footprint.NONE;
    }
}
