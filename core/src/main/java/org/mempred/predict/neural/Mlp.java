package org.mempred.predict.neural;

import java.util.SplittableRandom;
import org.mempred.predict.NeuralWeights;
import org.mempred.telemetry.ArrayBytes;

/**
 * The n→h→1 perceptron behind {@code neural}: ReLU hidden layer, sigmoid output, one SGD step per
 * example. All state is in three primitive arrays and two doubles; nothing is allocated after
 * construction.
 *
 * <p>Parameter layout (one flat array, the order of the weights file too):
 *
 * <pre>
 *   index            holds
 *   [0, h*n)         W1[j][i] at j*n + i   input i -> hidden unit j (one row of n per unit)
 *   [h*n, h*n+h)     b1[j]                 hidden biases
 *   [h*n+h, h*n+2h)  w2[j]                 hidden unit j -> output
 *   h*n+2h           b2                    output bias
 * </pre>
 *
 * <p>For 4→8→1 that is 32 + 8 + 8 + 1 = 49 parameters. Training minimises the cross-entropy
 * between the sigmoid output q and the label y in [0, 1], whose gradient on the output logit is
 * simply {@code q - y}; the squared-error gradient would carry an extra {@code q(1 - q)} factor that
 * stalls learning near pressure 0.95, exactly where predictions matter. The gradient's L2 norm has
 * a closed form, so it is clipped without storing the gradient:
 *
 * <pre>
 *   |g|^2 = dz^2 (1 + |a|^2) + (1 + |x|^2) * sum over active j of (dz * w2[j])^2
 * </pre>
 *
 * <p>where {@code a} are the hidden activations. The same figure bounds the weight norm cheaply:
 * a step moves the parameters by exactly {@code step * |g|}, so {@code normBound}, an upper bound of
 * |θ| by the triangle inequality, grows by that much per step, and {@link #isHealthy} recomputes
 * the exact norm only when the bound passes the limit (a NaN anywhere makes the bound NaN and
 * forces the exact check). ReLU is written {@code s < 0 ? 0 : s} so that NaN propagates.
 *
 * <p>Initialisation from a seed: He normal for W1 (sd = sqrt(2/n), suits ReLU), Glorot/Xavier
 * normal for w2 (sd = sqrt(2/(h+1))), zero biases. Cost: predict h*(n+1) multiply-adds and one exp;
 * train about three times that. The 4→8→1 shape runs the same operations through {@link Mlp4x8},
 * whose dimensions are constants; other shapes run the general loops here.
 */
final class Mlp {
    private final int inputs;
    private final int hidden;
    private final int hiddenBiases;
    private final int outputWeights;
    private final int outputBias;
    private final double[] parameters;
    private final double[] activations;
    private final double[] deltas;
    /** True for the design's 4→8→1 shape, which takes the constant-dimension loops of {@link Mlp4x8}. */
    private final boolean fixedShape;

    private double normBound;

    Mlp(int inputs, int hidden) {
        this(inputs, hidden, true);
    }

    private Mlp(int inputs, int hidden, boolean constantShapeAllowed) {
        if (inputs < 1 || hidden < 1) {
            throw new IllegalArgumentException("inputs=" + inputs + " and hidden=" + hidden + " must be at least 1");
        }
        this.inputs = inputs;
        this.hidden = hidden;
        this.hiddenBiases = hidden * inputs;
        this.outputWeights = hiddenBiases + hidden;
        this.outputBias = outputWeights + hidden;
        this.parameters = new double[NeuralWeights.parameterCount(inputs, hidden)];
        this.activations = new double[hidden];
        this.deltas = new double[hidden];
        this.fixedShape = constantShapeAllowed && inputs == Mlp4x8.INPUTS && hidden == Mlp4x8.HIDDEN;
    }

    /**
     * The network on the general loops whatever its shape: the reference the constant-dimension
     * path of {@link Mlp4x8} must match bit for bit.
     */
    static Mlp withGeneralLoops(int inputs, int hidden) {
        return new Mlp(inputs, hidden, false);
    }

    /** He/Xavier initialisation drawn from {@code seed}; the same seed gives the same weights. */
    void initialise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double heSd = Math.sqrt(2.0 / inputs);
        double xavierSd = Math.sqrt(2.0 / (hidden + 1));
        for (int k = 0; k < parameters.length; k++) {
            double sd = k < hiddenBiases ? heSd : k >= outputWeights && k < outputBias ? xavierSd : 0.0;
            parameters[k] = sd * random.nextGaussian();
        }
        normBound = exactNorm();
    }

    /** Takes the parameters of {@code source}; allocates nothing. */
    void load(NeuralWeights source) {
        if (source.parameterCount() != parameters.length) {
            throw new IllegalArgumentException(
                    "source.length=" + source.parameterCount() + " differs from parameterCount=" + parameters.length);
        }
        source.copyParametersTo(parameters);
        normBound = exactNorm();
    }

    /** Takes {@code source}'s parameters (the layout above); allocates nothing. */
    void load(double[] source) {
        if (source.length != parameters.length) {
            throw new IllegalArgumentException(
                    "source.length=" + source.length + " differs from parameterCount=" + parameters.length);
        }
        System.arraycopy(source, 0, parameters, 0, parameters.length);
        normBound = exactNorm();
    }

    double[] copyOfParameters() {
        return parameters.clone();
    }

    /** The sigmoid output for inputs {@code x[0 .. inputs)}. */
    double predict(double[] x) {
        return sigmoid(fixedShape ? Mlp4x8.logit(parameters, x) : forward(x));
    }

    /**
     * One SGD step towards label {@code y}; returns true when the gradient was clipped.
     * Allocates nothing.
     */
    boolean train(double[] x, double y, double learningRate, double clipNorm) {
        double outputDelta = sigmoid(forward(x)) - y;
        double gradientSquares = fixedShape
                ? Mlp4x8.gradientSquares(parameters, x, outputDelta, activations, deltas)
                : gradientSquares(x, outputDelta);
        double gradientNorm = Math.sqrt(gradientSquares);
        boolean clipped = gradientNorm > clipNorm;
        double step = clipped ? learningRate * clipNorm / gradientNorm : learningRate;
        applyStep(x, outputDelta, step);
        normBound += step * gradientNorm;
        return clipped;
    }

    /** Writes the hidden deltas and returns the gradient's squared L2 norm (closed form above). */
    private double gradientSquares(double[] x, double outputDelta) {
        double activationSquares = 0.0;
        double deltaSquares = 0.0;
        for (int j = 0; j < hidden; j++) {
            double a = activations[j];
            double delta = a > 0.0 ? outputDelta * parameters[outputWeights + j] : 0.0;
            deltas[j] = delta;
            activationSquares += a * a;
            deltaSquares += delta * delta;
        }
        double inputSquares = 0.0;
        for (int i = 0; i < inputs; i++) {
            inputSquares += x[i] * x[i];
        }
        return outputDelta * outputDelta * (1.0 + activationSquares) + (1.0 + inputSquares) * deltaSquares;
    }

    /**
     * Subtracts {@code step} times the gradient. Inactive units have delta 0 and do not move; they
     * are updated anyway, without a data-dependent branch.
     */
    private void applyStep(double[] x, double outputDelta, double step) {
        double outputStep = step * outputDelta;
        if (fixedShape) {
            Mlp4x8.applyStep(parameters, x, outputStep, step, activations, deltas);
            return;
        }
        for (int j = 0; j < hidden; j++) {
            parameters[outputWeights + j] -= outputStep * activations[j];
            double scaled = step * deltas[j];
            int row = j * inputs;
            for (int i = 0; i < inputs; i++) {
                parameters[row + i] -= scaled * x[i];
            }
            parameters[hiddenBiases + j] -= scaled;
        }
        parameters[outputBias] -= outputStep;
    }

    /**
     * True when every parameter is finite and their L2 norm is at most {@code maxNorm}; O(1) while
     * the running bound stays below the limit, O(parameters) otherwise.
     */
    boolean isHealthy(double maxNorm) {
        if (normBound <= maxNorm) {
            return true;
        }
        normBound = exactNorm();
        return normBound <= maxNorm;
    }

    /** The L2 norm of the parameters; NaN or infinite when any parameter is. */
    private double exactNorm() {
        double squares = 0.0;
        for (double parameter : parameters) {
            squares += parameter * parameter;
        }
        return Math.sqrt(squares);
    }

    /** Bytes held by the parameters. */
    long parameterBytes() {
        return ArrayBytes.ofDoubles(parameters.length);
    }

    /** Bytes held by the training scratch (activations and deltas). */
    long scratchBytes() {
        return ArrayBytes.ofDoubles(activations.length) + ArrayBytes.ofDoubles(deltas.length);
    }

    /** The output logit; leaves the hidden activations in {@code activations}. */
    private double forward(double[] x) {
        if (fixedShape) {
            return Mlp4x8.forward(parameters, x, activations);
        }
        double logit = parameters[outputBias];
        for (int j = 0; j < hidden; j++) {
            int row = j * inputs;
            double sum = parameters[hiddenBiases + j];
            for (int i = 0; i < inputs; i++) {
                sum += parameters[row + i] * x[i];
            }
            double a = sum < 0.0 ? 0.0 : sum;
            activations[j] = a;
            logit += parameters[outputWeights + j] * a;
        }
        return logit;
    }

    private static double sigmoid(double logit) {
        return 1.0 / (1.0 + Math.exp(-logit));
    }
}
