package org.mempred.predict.neural;

import java.util.Arrays;
import java.util.List;
import org.mempred.predict.DelayedLabeler;
import org.mempred.predict.FeatureExtractor;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.PredictionLoop;
import org.mempred.telemetry.Sample;

/**
 * Recorded (features, label) examples for {@link OfflineTrainer}: example i has features {@code
 * [i*w, (i+1)*w)} of one flat array and the label {@code labels[i]}, the peak pressure over the
 * horizon after it. Immutable (arrays copied in and out).
 *
 * <p>{@link #fromSamples} labels a recorded sample series with the same {@link FeatureExtractor}
 * and {@link DelayedLabeler} the online loop uses, so offline and online training see identical
 * examples; {@link TrainingSetRecorder} collects them from a live {@link PredictionLoop}.
 */
public final class TrainingSet {
    private final FeatureSet featureSet;
    private final double[] features;
    private final double[] labels;

    /** {@code labels.length} examples of {@code featureSet} with the flat {@code features}. */
    public TrainingSet(FeatureSet featureSet, double[] features, double[] labels) {
        if (features.length != labels.length * featureSet.width()) {
            throw new IllegalArgumentException("features.length=" + features.length + " must be labels.length="
                    + labels.length + " times the width " + featureSet.width() + " of " + featureSet.id());
        }
        for (int i = 0; i < labels.length; i++) {
            if (!(labels[i] >= 0.0 && labels[i] <= 1.0)) {
                throw new IllegalArgumentException("labels[" + i + "]=" + labels[i] + " outside [0, 1]");
            }
        }
        this.featureSet = featureSet;
        this.features = features.clone();
        this.labels = labels.clone();
    }

    /** Labels {@code samples} (in time order) for predictions over {@code horizonNanos}. */
    public static TrainingSet fromSamples(List<Sample> samples, FeatureSet featureSet, long horizonNanos) {
        FeatureExtractor extractor = new FeatureExtractor(featureSet, horizonNanos);
        DelayedLabeler labeler = new DelayedLabeler(horizonNanos, Math.max(1, samples.size()), featureSet.width());
        TrainingSetRecorder recorder = new TrainingSetRecorder(featureSet);
        double[] scratch = new double[featureSet.width()];
        for (Sample sample : samples) {
            labeler.advance(sample.timeNanos(), sample.pressure(), recorder);
            extractor.extract(sample, scratch);
            labeler.record(sample.timeNanos(), sample.pressure(), Double.NaN, scratch);
        }
        return recorder.toTrainingSet();
    }

    /** The feature set the examples were computed with. */
    public FeatureSet featureSet() {
        return featureSet;
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Copies the features of example {@code index} into {@code out[0 .. width)}. */
    public void copyFeatures(int index, double[] out) {
        System.arraycopy(features, index * featureSet.width(), out, 0, featureSet.width());
    }

    /** The label of example {@code index}. */
    public double label(int index) {
        return labels[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingSet that
                && featureSet == that.featureSet
                && Arrays.equals(features, that.features)
                && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * featureSet.hashCode() + Arrays.hashCode(features)) + Arrays.hashCode(labels);
    }
}
