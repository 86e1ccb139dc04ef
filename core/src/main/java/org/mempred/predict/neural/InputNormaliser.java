package org.mempred.predict.neural;

import java.util.Arrays;
import org.mempred.predict.NeuralWeights;
import org.mempred.telemetry.ArrayBytes;

/**
 * Online standardisation of the network's inputs: {@code z[i] = (x[i] - mean[i]) / scale[i]}, so
 * every input reaches the network with mean about 0 and spread about 1 whatever its natural range.
 * Without it, inputs that vary over a narrow band (an allocation rate between 0.07 and 0.17, say)
 * need large weights that SGD at learning rate 0.01 takes thousands of steps to grow.
 *
 * <p>Statistics are exponentially weighted with weight {@code a = 1 / min(n, WINDOW_SAMPLES)} for
 * the n-th update: exact mean and population variance (Welford) for the first {@value
 * #WINDOW_SAMPLES} samples, then a moving window of about that many, so the scaling follows a
 * drifting workload slowly.
 *
 * <pre>
 *   d = x - mean;  mean += a * d;  variance = (1 - a) * (variance + a * d * d)
 *   scale = max(sqrt(variance), MIN_SCALE)
 * </pre>
 *
 * <p>{@code MIN_SCALE} keeps a (nearly) constant input from being amplified. Before the first
 * update the transform is the identity (mean 0, variance 1). Arrays: means, variances, inverse
 * scales; {@link #updateAndApply} costs w square roots and divisions, {@link #apply} w multiply-adds; no allocation.
 */
final class InputNormaliser {
    /** Samples after which the statistics become a moving window. */
    static final int WINDOW_SAMPLES = 1000;

    /** Smallest scale an input is divided by. */
    static final double MIN_SCALE = 0.01;

    /** The weight {@code 1 / min(n, WINDOW_SAMPLES)} once n reaches the window, and one minus it. */
    private static final double WINDOW_WEIGHT = 1.0 / WINDOW_SAMPLES;

    private static final double WINDOW_KEEP = 1.0 - WINDOW_WEIGHT;

    private final double[] means;
    private final double[] variances;
    private final double[] inverseScales;
    private long samples;

    InputNormaliser(int width) {
        this.means = new double[width];
        this.variances = new double[width];
        this.inverseScales = new double[width];
        Arrays.fill(variances, 1.0);
        Arrays.fill(inverseScales, 1.0);
    }

    /** Sets the statistics to those of {@code weights} (e.g. from a weights file); allocates nothing. */
    void load(NeuralWeights weights) {
        weights.copyInputStatisticsTo(means, variances);
        samples = weights.inputSamples();
        for (int i = 0; i < means.length; i++) {
            inverseScales[i] = inverseScale(variances[i]);
        }
    }

    /**
     * Folds the input vector {@code x[0 .. w)} into the statistics and writes it, standardised by
     * the updated statistics, to {@code out}: {@link #apply} after the update, in one pass.
     */
    void updateAndApply(double[] x, double[] out) {
        samples++;
        boolean windowed = samples >= WINDOW_SAMPLES;
        double weight = windowed ? WINDOW_WEIGHT : 1.0 / samples;
        double keep = windowed ? WINDOW_KEEP : 1.0 - weight;
        for (int i = 0; i < means.length; i++) {
            double input = x[i];
            double deviation = input - means[i];
            double mean = means[i] + weight * deviation;
            double variance = keep * (variances[i] + weight * deviation * deviation);
            double inverseScale = inverseScale(variance);
            means[i] = mean;
            variances[i] = variance;
            inverseScales[i] = inverseScale;
            out[i] = (input - mean) * inverseScale;
        }
    }

    /** Writes the standardised {@code x[0 .. w)} to {@code out}. */
    void apply(double[] x, double[] out) {
        if (means.length == 4) {
            out[0] = (x[0] - means[0]) * inverseScales[0];
            out[1] = (x[1] - means[1]) * inverseScales[1];
            out[2] = (x[2] - means[2]) * inverseScales[2];
            out[3] = (x[3] - means[3]) * inverseScales[3];
            return;
        }
        for (int i = 0; i < means.length; i++) {
            out[i] = (x[i] - means[i]) * inverseScales[i];
        }
    }

    double[] copyOfMeans() {
        return means.clone();
    }

    double[] copyOfVariances() {
        return variances.clone();
    }

    long samples() {
        return samples;
    }

    /** Bytes held by the three arrays. */
    long footprintBytes() {
        return 3 * ArrayBytes.ofDoubles(means.length);
    }

    private static double inverseScale(double variance) {
        return 1.0 / Math.max(Math.sqrt(variance), MIN_SCALE);
    }
}
