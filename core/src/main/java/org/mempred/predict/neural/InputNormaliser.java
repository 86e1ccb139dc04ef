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
 * scales; {@link #update} costs w square roots, {@link #apply} w multiply-adds; no allocation.
 */
final class InputNormaliser {
    /** Samples after which the statistics become a moving window. */
    static final int WINDOW_SAMPLES = 1000;

    /** Smallest scale an input is divided by. */
    static final double MIN_SCALE = 0.01;

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

    /** Folds the input vector {@code x[0 .. w)} into the statistics. */
    void update(double[] x) {
        samples++;
        double weight = 1.0 / Math.min(samples, WINDOW_SAMPLES);
        for (int i = 0; i < means.length; i++) {
            double deviation = x[i] - means[i];
            means[i] += weight * deviation;
            variances[i] = (1.0 - weight) * (variances[i] + weight * deviation * deviation);
            inverseScales[i] = inverseScale(variances[i]);
        }
    }

    /** Writes the standardised {@code x[0 .. w)} to {@code out}. */
    void apply(double[] x, double[] out) {
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
