package org.mempred.predict;

/**
 * Hyper-parameters of the {@code neural} predictor (docs/design.md "Definitions").
 *
 * @param hiddenUnits ReLU units in the hidden layer (8 in the 4→8→1 design)
 * @param learningRate SGD step size (0.01)
 * @param clipNorm the gradient's L2 norm is scaled down to at most this before each step
 * @param emaAlpha weight of the newest output in the exponential moving average of the output, in
 *     (0, 1]; 1 disables smoothing
 * @param maxWeightNorm weights whose L2 norm exceeds this (or that are not finite) count as
 *     exploded and are re-initialised
 */
public record NeuralConfig(
        int hiddenUnits, double learningRate, double clipNorm, double emaAlpha, double maxWeightNorm) {

    /** The design's values: 8 hidden units, learning rate 0.01, clip 1.0, EMA 0.5, bound 1000. */
    public static final NeuralConfig DEFAULTS = new NeuralConfig(8, 0.01, 1.0, 0.5, 1000.0);

    /** Checks every range; throws naming the value. */
    public NeuralConfig {
        if (hiddenUnits < 1) {
            throw new IllegalArgumentException("hiddenUnits=" + hiddenUnits + " must be at least 1");
        }
        requirePositive("learningRate", learningRate);
        requirePositive("clipNorm", clipNorm);
        requirePositive("maxWeightNorm", maxWeightNorm);
        if (!(emaAlpha > 0.0 && emaAlpha <= 1.0)) {
            throw new IllegalArgumentException("emaAlpha=" + emaAlpha + " outside (0, 1]");
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + "=" + value + " must be positive and finite");
        }
    }

    /** These settings with another learning rate. */
    public NeuralConfig withLearningRate(double rate) {
        return new NeuralConfig(hiddenUnits, rate, clipNorm, emaAlpha, maxWeightNorm);
    }

    /** These settings with another weight-norm bound. */
    public NeuralConfig withMaxWeightNorm(double norm) {
        return new NeuralConfig(hiddenUnits, learningRate, clipNorm, emaAlpha, norm);
    }

    /** These settings with another output smoothing weight. */
    public NeuralConfig withEmaAlpha(double alpha) {
        return new NeuralConfig(hiddenUnits, learningRate, clipNorm, alpha, maxWeightNorm);
    }
}
