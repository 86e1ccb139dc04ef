package org.mempred.predict.neural;

import java.util.Arrays;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.LabelListener;
import org.mempred.predict.PredictionLoop;

/**
 * A {@link LabelListener} that keeps every (features, label) example it is shown, e.g. as the
 * observer of a {@link PredictionLoop} during a lab run, for {@link OfflineTrainer}. Storage grows
 * by doubling (amortised O(width) per label), so it allocates occasionally: a recording tool, not
 * part of a governor's hot path.
 */
public final class TrainingSetRecorder implements LabelListener {
    private final FeatureSet featureSet;
    private double[] features;
    private double[] labels;
    private int size;

    /** An empty recorder of {@code featureSet} examples. */
    public TrainingSetRecorder(FeatureSet featureSet) {
        this.featureSet = featureSet;
        this.features = new double[16 * featureSet.width()];
        this.labels = new double[16];
    }

    @Override
    public void onLabel(
            long predictedAtNanos,
            double pressureAtPrediction,
            double threshold,
            double reference,
            double prediction,
            double peakPressure,
            double[] featuresAtPrediction) {
        if (size == labels.length) {
            labels = Arrays.copyOf(labels, 2 * size);
            features = Arrays.copyOf(features, 2 * size * featureSet.width());
        }
        System.arraycopy(featuresAtPrediction, 0, features, size * featureSet.width(), featureSet.width());
        labels[size++] = peakPressure;
    }

    /** Examples recorded so far. */
    public int size() {
        return size;
    }

    /** The examples recorded so far, as an immutable set. */
    public TrainingSet toTrainingSet() {
        return new TrainingSet(
                featureSet, Arrays.copyOf(features, size * featureSet.width()), Arrays.copyOf(labels, size));
    }
}
