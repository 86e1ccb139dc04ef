package org.mempred.lab.reproduce;

import java.util.Arrays;
import org.mempred.predict.LabelListener;
import org.mempred.predict.accuracy.AccuracyEvaluator;
import org.mempred.predict.accuracy.AccuracyReport;

/**
 * Sees every delayed label of a run's predictor (the same labels the governor scores): scores
 * the first {@code limit} of them with its own {@link AccuracyEvaluator} (all of them with no
 * limit) and keeps (time, predicted peak, actual peak) of each for the predicted-vs-actual chart.
 * Growable primitive arrays; O(1) amortised per label.
 */
final class LabelLog implements LabelListener {
    private final AccuracyEvaluator evaluator = new AccuracyEvaluator();
    private final int limit;
    private long[] timesNanos = new long[1024];
    private double[] predicted = new double[1024];
    private double[] actual = new double[1024];
    private int size;

    /** Scores every label. */
    LabelLog() {
        this(Integer.MAX_VALUE);
    }

    /** Scores only the first {@code limit} labels (the cold-start window). */
    LabelLog(int limit) {
        this.limit = limit;
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
        if (size >= limit) {
            return;
        }
        evaluator.observe(pressureAtPrediction, threshold, reference, prediction, peakPressure);
        if (size == timesNanos.length) {
            timesNanos = Arrays.copyOf(timesNanos, size * 2);
            predicted = Arrays.copyOf(predicted, size * 2);
            actual = Arrays.copyOf(actual, size * 2);
        }
        timesNanos[size] = predictedAtNanos;
        predicted[size] = prediction;
        actual[size++] = peakPressure;
    }

    /** Labels kept (at most the limit). */
    int size() {
        return size;
    }

    /** Accuracy of the labels kept. */
    AccuracyReport report() {
        return evaluator.report();
    }

    long timeNanos(int i) {
        return timesNanos[i];
    }

    double predicted(int i) {
        return predicted[i];
    }

    double actual(int i) {
        return actual[i];
    }
}
