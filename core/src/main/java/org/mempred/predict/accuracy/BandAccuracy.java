package org.mempred.predict.accuracy;

/**
 * Accuracy of one predictor over one band of current pressure (or overall), as docs/design.md
 * "Definitions" defines it. Positive means a value at or above the threshold θ; the confusion
 * counts compare the forecast q with the label y. Ratios of an empty band are NaN.
 *
 * @param band the band's label, e.g. {@code "90-95%"}, or {@code "all"}
 * @param truePositives q ≥ θ and y ≥ θ
 * @param trueNegatives q &lt; θ and y &lt; θ
 * @param falsePositives q ≥ θ and y &lt; θ
 * @param falseNegatives q &lt; θ and y ≥ θ
 * @param meanAbsoluteError mean |q − y|
 * @param meanSquaredError mean (q − y)²
 * @param persistenceMeanSquaredError mean (p − y)², the error of predicting the current pressure
 */
public record BandAccuracy(
        String band,
        long truePositives,
        long trueNegatives,
        long falsePositives,
        long falseNegatives,
        double meanAbsoluteError,
        double meanSquaredError,
        double persistenceMeanSquaredError) {

    /** Number of predictions N. */
    public long count() {
        return truePositives + trueNegatives + falsePositives + falseNegatives;
    }

    /** (TP + TN) / N. */
    public double accuracy() {
        return (double) (truePositives + trueNegatives) / count();
    }

    /** FP / N, the share of all predictions that were false alarms. */
    public double falsePositiveRate() {
        return (double) falsePositives / count();
    }

    /** FN / N, the share of all predictions that missed a peak. */
    public double falseNegativeRate() {
        return (double) falseNegatives / count();
    }

    /** Square root of the mean squared error. */
    public double rootMeanSquaredError() {
        return Math.sqrt(meanSquaredError);
    }

    /**
     * {@code 1 − MSE(model)/MSE(persistence)}: above 0 beats persistence, 1 is perfect; NaN when
     * persistence itself made no error (or the band is empty).
     */
    public double skill() {
        return persistenceMeanSquaredError > 0.0 ? 1.0 - meanSquaredError / persistenceMeanSquaredError : Double.NaN;
    }
}
