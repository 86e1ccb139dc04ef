package org.mempred.predict;

import org.mempred.telemetry.Sample;

/**
 * One prediction stream: features, prediction, safety check and delayed learning for one
 * {@link Predictor}, one sample at a time. The governor and the lab drive predictors only through
 * it, so every learner is fed by the same {@link DelayedLabeler}.
 *
 * <p>Per sample at time {@code t}, in two calls so that a caller can act on the labels before
 * the prediction (the governor's watchdog may degrade on a label, and then no prediction is made):
 *
 * <ol>
 *   <li>{@link #advanceLabels}: the labeler advances to {@code t}; each matured past prediction is
 *       first learned by the predictor, then shown to the observer (an {@code AccuracyEvaluator},
 *       a recorder, ...);
 *   <li>{@link #predict}: the features of the sample are extracted and the predictor predicts; the
 *       raw prediction is classified by {@link PredictionCheck} and counted; (t, p, prediction,
 *       features) is recorded for labelling at {@code t + H}.
 * </ol>
 *
 * <p>{@link #step} does both, for callers with nothing to do in between.
 *
 * <p>The raw prediction is returned as is: an invalid one is reported through {@link #lastCheck()}
 * and the counters, never clamped. Exceptions from the predictor propagate to the caller, which
 * decides how to degrade. Cost per step: the predictor's plus O(pending + width); nothing is
 * allocated after construction. Not thread-safe.
 */
public final class PredictionLoop {
    /** Ring size that holds every pending prediction when ticks are at least 500 ms apart. */
    public static final int DEFAULT_HISTORY_CAPACITY = 16;

    private final Predictor predictor;
    private final FeatureExtractor extractor;
    private final DelayedLabeler labeler;
    private final LabelListener learner;
    private final Target target;
    private final RequestHistory recent;
    private final double[] features;
    private final long[] checks = new long[PredictionCheck.values().length];
    private PredictionCheck lastCheck = PredictionCheck.VALID;
    private long labelledToNanos = Long.MIN_VALUE;

    /** A loop with the default history capacity and no observer. */
    public PredictionLoop(Predictor predictor) {
        this(predictor, DEFAULT_HISTORY_CAPACITY, LabelListener.NONE);
    }

    /**
     * A loop over {@code predictor}; {@code observer} sees every label right after the predictor
     * learned it. {@code historyCapacity} should be at least H / tick + 1 (see {@link
     * #historyCapacityFor}); older pending predictions are dropped and counted.
     */
    public PredictionLoop(Predictor predictor, int historyCapacity, LabelListener observer) {
        this(predictor, historyCapacity, observer, Target.PEAK_PRESSURE);
    }

    /** As above, forecasting {@code target}: labels and accuracy follow {@link Target}. */
    public PredictionLoop(Predictor predictor, int historyCapacity, LabelListener observer, Target target) {
        FeatureSet featureSet = predictor.featureSet();
        this.predictor = predictor;
        this.extractor = new FeatureExtractor(featureSet, predictor.horizonNanos());
        this.labeler = new DelayedLabeler(predictor.horizonNanos(), historyCapacity, featureSet.width(), target);
        this.learner = new Learner(predictor, observer);
        this.target = target;
        this.recent =
                new RequestHistory(predictor.horizonNanos(), Math.max(historyCapacity, DEFAULT_HISTORY_CAPACITY) * 4);
        this.features = new double[featureSet.width()];
    }

    /** Ring size holding every prediction still pending with ticks {@code tickNanos} apart. */
    public static int historyCapacityFor(long horizonNanos, long tickNanos) {
        if (horizonNanos <= 0 || tickNanos <= 0) {
            throw new IllegalArgumentException(
                    "horizonNanos=" + horizonNanos + " and tickNanos=" + tickNanos + " must be positive");
        }
        return Math.toIntExact(horizonNanos / tickNanos + 2);
    }

    /** Learns from matured labels, then predicts the target over the horizon after {@code sample}. */
    public double step(Sample sample) {
        advanceLabels(sample);
        return predict(sample);
    }

    /** Step 1 of {@code sample}: the labels matured by its time are learned, then observed. */
    public void advanceLabels(Sample sample) {
        labeler.advance(sample.timeNanos(), target.observe(sample), learner);
        labelledToNanos = sample.timeNanos();
    }

    /**
     * Step 2 of {@code sample}: the raw forecast of the target over the horizon after it, recorded
     * for labelling.
     *
     * @throws IllegalStateException unless {@link #advanceLabels} was called with this sample's time
     */
    public double predict(Sample sample) {
        if (sample.timeNanos() != labelledToNanos) {
            throw new IllegalStateException("predict at " + sample.timeNanos()
                    + " ns before its labels: advanceLabels was last called at " + labelledToNanos + " ns");
        }
        double pressure = sample.pressure();
        extractor.extract(sample, features);
        double predicted = predictor.predict(sample, features);
        lastCheck = PredictionCheck.of(predicted);
        checks[lastCheck.ordinal()]++;
        recent.add(sample);
        double reference = target.recent(sample, recent);
        labeler.record(sample.timeNanos(), pressure, target.threshold(sample), reference, predicted, features);
        return predicted;
    }

    /** Validity of the last prediction returned by {@link #step}. */
    public PredictionCheck lastCheck() {
        return lastCheck;
    }

    /** Predictions so far that were classified as {@code check}. */
    public long count(PredictionCheck check) {
        return checks[check.ordinal()];
    }

    /** Predictions so far that were not {@link PredictionCheck#VALID}. */
    public long invalidPredictions() {
        long invalid = 0;
        for (int ordinal = 0; ordinal < checks.length; ordinal++) {
            invalid += ordinal == PredictionCheck.VALID.ordinal() ? 0 : checks[ordinal];
        }
        return invalid;
    }

    /** The predictor this loop drives. */
    public Predictor predictor() {
        return predictor;
    }

    /** The labeler, for its counters (labels, drops, pending). */
    public DelayedLabeler labeler() {
        return labeler;
    }

    /** The predictor's footprint plus this loop's label history. */
    public Footprint footprint() {
        return predictor.footprint().plusHistory(labeler.footprintBytes());
    }

    /** Feeds each label to the predictor, then to the observer. */
    private static final class Learner implements LabelListener {
        private final Predictor predictor;
        private final LabelListener observer;

        Learner(Predictor predictor, LabelListener observer) {
            this.predictor = predictor;
            this.observer = observer;
        }

        @Override
        public void onLabel(
                long predictedAtNanos,
                double pressureAtPrediction,
                double threshold,
                double reference,
                double prediction,
                double peakPressure,
                double[] features) {
            predictor.learn(features, peakPressure);
            observer.onLabel(
                    predictedAtNanos, pressureAtPrediction, threshold, reference, prediction, peakPressure, features);
        }
    }
}
